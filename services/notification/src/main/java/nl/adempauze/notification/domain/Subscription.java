package nl.adempauze.notification.domain;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A system's wish to receive some event types, within a scope, as signed POSTs to its URL. The secret is kept
 * as given because signing needs it; it is never shown again.
 */
public record Subscription(UUID id, URI url, String secret, List<String> eventTypes, Scope scope, boolean active,
                           Instant createdAt) {

    public Subscription {
        eventTypes = List.copyOf(eventTypes);
        scope = scope == null ? Scope.EVERYTHING : scope;
    }

    public boolean wants(String type, EventAttributes event) {
        return active && eventTypes.contains(type) && scope.matches(event);
    }
}
