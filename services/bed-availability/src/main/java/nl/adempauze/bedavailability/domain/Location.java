package nl.adempauze.bedavailability.domain;

import java.time.Instant;
import java.util.List;
import nl.adempauze.contracts.events.Address;

/** A provider's site with beds. */
public record Location(String id, String region, String providerId, String providerName, String name,
                       Address address, String municipality, double latitude, double longitude,
                       List<String> features, boolean open, String closedReason, Instant updatedAt) {
}
