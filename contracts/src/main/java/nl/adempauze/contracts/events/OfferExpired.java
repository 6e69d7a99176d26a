package nl.adempauze.contracts.events;

import java.time.Instant;

/** The provider did not answer an offer before its deadline. */
public record OfferExpired(
        String offerId,
        String requestId,
        String region,
        String locationId,
        String providerId,
        String careType,
        Instant expiredAt) {
}
