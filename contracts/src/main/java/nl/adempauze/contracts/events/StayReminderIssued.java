package nl.adempauze.contracts.events;

import java.time.Instant;
import java.time.LocalDate;

/** A booked stay begins soon: the referrer or carer and the provider are reminded. */
public record StayReminderIssued(
        String requestId,
        String offerId,
        String region,
        String locationId,
        String providerId,
        String careType,
        LocalDate firstNight,
        int nights,
        Instant issuedAt) {
}
