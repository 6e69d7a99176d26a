package nl.adempauze.simulator.demand;

/**
 * The yearly demand for one care type and the beds that serve it, per 100,000 inhabitants: crisis requests and
 * their mean stay, planned respite requests (a series counts once: its occurrences are more), and beds. Sources and
 * assumptions are in {@link DemandParameters#drenthe()} and docs/WHAT-IF.md.
 */
public record CareTypeDemand(String careType, double crisisPer100k, double meanCrisisNights,
                             double plannedPer100k, double bedsPer100k) {
}
