package nl.adempauze.notification.domain;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A system's wish to receive some event types, within a scope, as signed POSTs to its URL. It belongs to the
 * owner it was made for (an organisation, or a coordinator's regions) and receives only events that owner may
 * see, whatever its scope says. The secret is kept as given because signing needs it; it is never shown again.
 *
 * @param owner who the subscription was made for; null only for subscriptions made before sign-in was
 *              required, which receive nothing
 */
public record Subscription(UUID id, URI url, String secret, List<String> eventTypes, Scope scope, boolean active,
                           Instant createdAt, Viewer owner) {

    public Subscription {
        eventTypes = List.copyOf(eventTypes);
        scope = scope == null ? Scope.EVERYTHING : scope;
    }

    /** Whether this event goes to the subscriber: active, one of its types, in its scope, and its owner's to see. */
    public boolean wants(String type, EventAttributes event, Audience audience) {
        return active && eventTypes.contains(type) && scope.matches(event) && audience.admits(owner);
    }
}
