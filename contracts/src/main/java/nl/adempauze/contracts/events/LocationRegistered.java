package nl.adempauze.contracts.events;

import java.time.Instant;
import java.util.List;

/** A location was registered or its details changed; carries everything matching needs to know about it. */
public record LocationRegistered(
        String locationId,
        String region,
        String providerId,
        String providerName,
        String name,
        Address address,
        String municipality,
        double latitude,
        double longitude,
        List<String> features,
        List<String> careTypes,
        List<FunderContract> contracts,
        boolean open,
        String closedReason,
        Instant registeredAt) {
}
