package nl.adempauze.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * A held bed was offered to a provider, to be answered before {@code respondBy}. {@code region} is the request's;
 * {@code locationRegion} the location's, which differs when the offer goes across the border to a neighbour region
 * (whose coordinators are then told too); null from producers that did not say. {@code handoverAvailable}: the
 * referrer gave a handover (aanmeldbericht) the provider may read before answering, with
 * {@code GET /api/v1/offers/{offerId}/handover}; null when not stated (events from before it existed).
 */
public record OfferMade(
        String offerId,
        String requestId,
        String region,
        String locationId,
        String providerId,
        String careType,
        String urgency,
        List<String> needs,
        int rank,
        String explanation,
        Instant respondBy,
        Instant offeredAt,
        String locationRegion,
        Boolean handoverAvailable) {

    /** An offer that names neither the location's region nor whether a handover is available. */
    public OfferMade(String offerId, String requestId, String region, String locationId, String providerId,
                     String careType, String urgency, List<String> needs, int rank, String explanation,
                     Instant respondBy, Instant offeredAt) {
        this(offerId, requestId, region, locationId, providerId, careType, urgency, needs, rank, explanation,
                respondBy, offeredAt, null, null);
    }
}
