package nl.adempauze.simulator.region;

/** A municipality of a region: where its patients live (its centre) and how many inhabitants it has. */
public record Municipality(String name, double latitude, double longitude, int inhabitants, String wmoFunder) {
}
