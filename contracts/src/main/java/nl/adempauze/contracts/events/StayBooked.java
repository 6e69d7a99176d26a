package nl.adempauze.contracts.events;

import java.time.Instant;
import java.time.LocalDate;

/** The provider confirmed a planned stay: its nights are booked at the location. */
public record StayBooked(
        String requestId,
        String offerId,
        String region,
        String locationId,
        String providerId,
        String careType,
        LocalDate firstNight,
        int nights,
        Instant bookedAt) {
}
