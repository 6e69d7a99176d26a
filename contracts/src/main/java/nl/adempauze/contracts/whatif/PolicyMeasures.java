package nl.adempauze.contracts.whatif;

/**
 * One policy's measures in the region over the replayed period: crisis requests placed within their admission
 * deadline and the time to placement (minutes), planned respite booked and its waiting time (days), respite nights
 * taken by crisis stays (of them protected ones), occupancy (0..1), offers declined and expired, border placements;
 * and the requests placed in time in every replayed region against the hindsight optimum's bound of the same.
 */
public record PolicyMeasures(Policy policy, int crisisRequests, int crisisPlacedInTime, Double crisisInTimeShare,
                             Double crisisMedianMinutes, Double crisisP90Minutes, int plannedRequests,
                             int plannedBooked, long plannedNightsAsked, long plannedNightsBooked,
                             long plannedNightsDisplaced, long protectedNightsToCrisis, Double respiteMedianWaitDays,
                             Double respiteP90WaitDays, double acuteOccupancy, double respiteOccupancy,
                             int offersDeclined, int offersExpired, int borderPlacements, int placedInTime,
                             double optimum, boolean optimumExact, double shareOfOptimum) {

    /** Today's settings, or today's with the coordinator's changes. */
    public enum Policy { TODAY, WHAT_IF }
}
