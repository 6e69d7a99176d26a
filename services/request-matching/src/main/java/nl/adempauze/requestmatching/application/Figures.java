package nl.adempauze.requestmatching.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's figures of a region for the days {@code from} to {@code to} (inclusive): per care type the
 * planned-respite numbers ({@code careTypes}), and per urgency and care type the monitoring and evaluation numbers
 * ({@code byUrgencyAndCareType}).
 */
public record Figures(String region, LocalDate from, LocalDate to, List<CareTypeFigures> careTypes,
                      List<UrgencyFigures> byUrgencyAndCareType) {

    public record CareTypeFigures(String careType, long plannedNightsBooked, TakenByCrisis protectedNightsTakenByCrisis,
                                  Map<String, Long> offersDeclined, Waited waitedBeforeBooking,
                                  WaitingNow waitingListNow) {
    }

    public record TakenByCrisis(long byRelease, long byOverride) {
    }

    public record Waited(long bookings, double averageHours, double maxHours) {
    }

    public record WaitingNow(long length, double longestWaitHours) {
    }

    /**
     * Requests of one urgency and care type: submitted in the period, placed in it (offer accepted: matched or
     * booked), how long placing took and whether it was in time, offers declined and escalations, by reason.
     */
    public record UrgencyFigures(String urgency, String careType, long submitted, long placements,
                                 TimeToPlacement timeToPlacement, WithinTarget withinTarget,
                                 Map<String, Long> declinesByReason, Map<String, Long> escalationsByReason) {
    }

    /** From submission to the accepted offer, in minutes (one decimal); null without placements. */
    public record TimeToPlacement(long count, Double medianMinutes, Double p90Minutes) {
    }

    /** Placements made in time (see PlacementTarget), and their share of all placements (null without any). */
    public record WithinTarget(long placements, long withinTarget, Double share) {
    }
}
