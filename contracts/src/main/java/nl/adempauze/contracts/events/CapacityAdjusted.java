package nl.adempauze.contracts.events;

import java.time.Instant;

/**
 * The system changed a capacity figure itself: a bed was held, released, taken by an admission or freed by
 * a discharge. {@code publishedAt} stays the provider's last publication, so freshness is not faked.
 */
public record CapacityAdjusted(
        String locationId,
        String region,
        String careType,
        int freeBeds,
        int heldBeds,
        int availableBeds,
        long version,
        String cause,
        Instant publishedAt,
        Instant adjustedAt) {
}
