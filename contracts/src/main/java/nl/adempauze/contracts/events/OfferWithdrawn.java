package nl.adempauze.contracts.events;

import java.time.Instant;

/** An open offer was withdrawn, for example because the referrer cancelled the request. */
public record OfferWithdrawn(
        String offerId,
        String requestId,
        String region,
        String locationId,
        String providerId,
        String careType,
        String reason,
        Instant withdrawnAt) {
}
