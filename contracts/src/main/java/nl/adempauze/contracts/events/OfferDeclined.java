package nl.adempauze.contracts.events;

import java.time.Instant;

/** The provider declined an offer, with a reason. */
public record OfferDeclined(
        String offerId,
        String requestId,
        String region,
        String locationId,
        String providerId,
        String careType,
        String reason,
        Instant declinedAt) {
}
