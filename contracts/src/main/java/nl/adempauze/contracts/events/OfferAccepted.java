package nl.adempauze.contracts.events;

import java.time.Instant;

/** The provider accepted an offer. */
public record OfferAccepted(
        String offerId,
        String requestId,
        String region,
        String locationId,
        String providerId,
        String careType,
        Instant expectedAdmissionAt,
        Instant acceptedAt) {
}
