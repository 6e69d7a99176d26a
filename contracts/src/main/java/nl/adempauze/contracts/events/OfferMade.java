package nl.adempauze.contracts.events;

import java.time.Instant;
import java.util.List;

/** A held bed was offered to a provider, to be answered before {@code respondBy}. */
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
        Instant offeredAt) {
}
