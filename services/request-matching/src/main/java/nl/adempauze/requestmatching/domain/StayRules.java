package nl.adempauze.requestmatching.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The care-type rules a request must keep, as plain checks: planned booking allowed at all, stay length between
 * the care type's minimum and maximum, and planned dates neither begun nor more than a year ahead.
 */
public final class StayRules {

    /** How far ahead a stay can be planned. */
    public static final int PLANNING_HORIZON_DAYS = 366;

    /** A broken rule: the request field it concerns and why, in words for the referrer. */
    public record Violation(String field, String message) {
    }

    private StayRules() {
    }

    public static Optional<Violation> check(CareTypeRule rule, Urgency urgency, Integer nights, Stay plannedStay,
                                            LocalDate tonight) {
        if (urgency == Urgency.PLANNED && !rule.plannedBooking()) {
            return violation("careType", rule.name() + " (" + rule.code() + ") cannot be booked as a planned stay in"
                    + " region " + rule.region() + "; submit it as CRISIS or choose a respite care type");
        }
        if (nights != null && nights < rule.minStayNights()) {
            return violation("stay.nights", rule.name() + " needs a stay of at least " + rule.minStayNights()
                    + " night(s)");
        }
        if (nights != null && nights > rule.maxStayNights()) {
            return violation("stay.nights", rule.name() + " allows a stay of at most " + rule.maxStayNights()
                    + " nights");
        }
        if (plannedStay != null) {
            if (plannedStay.latestFirstNight().isBefore(tonight)
                    || (plannedStay.firstNight() != null && plannedStay.firstNight().isBefore(tonight))) {
                return violation(plannedStay.firstNight() != null ? "stay.firstNight" : "stay.weekendIn",
                        "The stay would begin in the past; the first night can be tonight (" + tonight + ") or later");
            }
            if (plannedStay.latestFirstNight().isAfter(tonight.plusDays(PLANNING_HORIZON_DAYS))) {
                return violation(plannedStay.firstNight() != null ? "stay.firstNight" : "stay.weekendIn",
                        "A stay can be planned at most " + PLANNING_HORIZON_DAYS + " days ahead");
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> violation(String field, String message) {
        return Optional.of(new Violation(field, message));
    }
}
