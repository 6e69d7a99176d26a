package nl.adempauze.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.adempauze.notification.domain.Scope;
import nl.adempauze.notification.domain.Subscription;

/** A subscription as callers see it: everything but the secret. */
public record SubscriptionResponse(UUID id, String url, List<String> eventTypes, Scope scope, boolean active,
                                   Instant createdAt) {

    static SubscriptionResponse from(Subscription subscription) {
        return new SubscriptionResponse(subscription.id(), subscription.url().toString(), subscription.eventTypes(),
                subscription.scope(), subscription.active(), subscription.createdAt());
    }
}
