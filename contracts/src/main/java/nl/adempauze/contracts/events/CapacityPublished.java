package nl.adempauze.contracts.events;

import java.time.Instant;

/**
 * A provider published its free beds for one care type at one location.
 * {@code availableBeds} is what may still be offered: free beds minus beds held for offers.
 */
public record CapacityPublished(
        String locationId,
        String region,
        String careType,
        int freeBeds,
        int heldBeds,
        int availableBeds,
        long version,
        Instant publishedAt) {
}
