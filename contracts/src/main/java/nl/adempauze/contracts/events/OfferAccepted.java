package nl.adempauze.contracts.events;

import java.time.Instant;

/**
 * The provider accepted an offer. {@code locationRegion}: the location's region when it differs from the request's
 * {@code region} or is named anyway (an offer across the border); null from producers that did not say.
 */
public record OfferAccepted(
        String offerId,
        String requestId,
        String region,
        String locationId,
        String providerId,
        String careType,
        Instant expectedAdmissionAt,
        Instant acceptedAt,
        String locationRegion) {

    /** An acceptance that does not name the location's region. */
    public OfferAccepted(String offerId, String requestId, String region, String locationId, String providerId,
                         String careType, Instant expectedAdmissionAt, Instant acceptedAt) {
        this(offerId, requestId, region, locationId, providerId, careType, expectedAdmissionAt, acceptedAt, null);
    }
}
