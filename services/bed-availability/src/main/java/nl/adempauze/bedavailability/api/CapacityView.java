package nl.adempauze.bedavailability.api;

import java.time.Instant;
import java.util.List;

/** The region's current view: per location and care type, what is free, held, offerable, and how fresh it is. */
public record CapacityView(String region, long freshnessWindowMinutes, Instant generatedAt, List<LocationCapacity> locations) {

    public record LocationCapacity(String locationId, String name, String providerId, String providerName,
                                   String municipality, boolean open, String closedReason, List<CareTypeCapacity> careTypes) {
    }

    public record CareTypeCapacity(String careType, int freeBeds, int heldBeds, int availableBeds, long version,
                                   Instant publishedAt, Instant adjustedAt, boolean stale) {
    }
}
