package nl.adempauze.simulator.measure;

import java.util.Map;

/**
 * The measures of one region in one replayed year (requests submitted in that year). Times to placement in
 * minutes for crisis requests and in days for planned respite (submission to booking); null when nothing was placed.
 *
 * @param crisisInTimeShare        crisis requests placed (offer accepted) no later than their admission deadline,
 *                                 of all crisis requests
 * @param plannedNightsDisplaced   nights of respite (calendar) beds that crisis stays took
 * @param protectedNightsToCrisis  of those, protected nights: released close to the night, or by override
 * @param acuteOccupancy           bed-nights used of the free-now care types' beds, of all their bed-nights
 * @param respiteOccupancy         the same for the calendar (respite) care types
 * @param placedInTime             requests of any urgency placed in time: the yardstick's objective
 */
public record Measures(String region, int crisisRequests, int crisisPlacedInTime, Double crisisInTimeShare,
                       Double crisisMedianMinutes, Double crisisP90Minutes, int plannedRequests, int plannedBooked,
                       long plannedNightsAsked, long plannedNightsBooked, long plannedNightsDisplaced,
                       long protectedNightsToCrisis, Double respiteMedianWaitDays, Double respiteP90WaitDays,
                       double acuteOccupancy, double respiteOccupancy, int offersDeclined, int offersExpired,
                       Map<String, Integer> declinedByReason, int borderPlacements, int placedInTime) {
}
