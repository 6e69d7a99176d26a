package nl.adempauze.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.adempauze.notification.domain.Scope;
import nl.adempauze.notification.domain.Subscription;
import nl.adempauze.notification.domain.Viewer;

/** A subscription as callers see it: everything but the secret (and the user who made it). */
public record SubscriptionResponse(UUID id, String url, List<String> eventTypes, Scope scope, boolean active,
                                   Instant createdAt, Owner owner) {

    /** Who it belongs to: an organisation in a role, or a coordinator's regions. */
    public record Owner(String role, String organisation, List<String> regions) {

        static Owner from(Viewer owner) {
            return owner == null ? null
                    : new Owner(owner.role().name(), owner.organisation(), List.copyOf(owner.sortedRegions()));
        }
    }

    static SubscriptionResponse from(Subscription subscription) {
        return new SubscriptionResponse(subscription.id(), subscription.url().toString(), subscription.eventTypes(),
                subscription.scope(), subscription.active(), subscription.createdAt(),
                Owner.from(subscription.owner()));
    }
}
