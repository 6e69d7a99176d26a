package nl.adempauze.contracts.events;

import java.time.Instant;

/** A request has a bed: its offer was accepted. */
public record RequestMatched(
        String requestId,
        String offerId,
        String region,
        String locationId,
        String providerId,
        String careType,
        Instant expectedAdmissionAt,
        Instant matchedAt) {
}
