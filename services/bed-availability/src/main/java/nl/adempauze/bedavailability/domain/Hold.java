package nl.adempauze.bedavailability.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A bed held for one offer: free now ({@code firstNight} null), or one bed on each of {@code nights} calendar
 * nights from {@code firstNight}. {@code urgency} is the request's (CRISIS or PLANNED), when known.
 */
public record Hold(String offerId, String requestId, String locationId, String careType, String urgency,
                   LocalDate firstNight, Integer nights, HoldStatus status, String reason, Instant createdAt,
                   Instant updatedAt) {

    public boolean onCalendar() {
        return firstNight != null;
    }
}
