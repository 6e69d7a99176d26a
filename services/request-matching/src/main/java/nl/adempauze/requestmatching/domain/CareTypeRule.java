package nl.adempauze.requestmatching.domain;

import java.time.Duration;

/**
 * A region's rules for one care type: how long a provider has to answer an offer, the admission deadline, the stay
 * length allowed, whether it can be booked planned (then it is kept on the calendar, per night), and the protection
 * of beds for planned respite (null when none).
 */
public record CareTypeRule(String region, String code, String name, String fundingStream,
                           Duration crisisResponse, Duration plannedResponse, Duration admissionDeadline,
                           boolean plannedBooking, int minStayNights, int maxStayNights, Protection protection) {

    /** Beds per night kept for planned respite, released to crisis {@code releaseHorizon} before the night. */
    public record Protection(Integer protectedBeds, Double protectedShare, Duration releaseHorizon) {
    }

    public Duration responseDeadline(Urgency urgency) {
        return urgency == Urgency.CRISIS ? crisisResponse : plannedResponse;
    }

    /** Care types open to planned booking are kept per night, for crisis stays too. */
    public boolean onCalendar() {
        return plannedBooking;
    }

    /** Wmo stays are paid by the resident's municipality, so only its contracted locations can be offered. */
    public boolean fundedByMunicipality() {
        return "WMO".equals(fundingStream);
    }
}
