package nl.adempauze.notification.persistence;

import io.r2dbc.spi.Readable;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.adempauze.notification.domain.Scope;
import nl.adempauze.notification.domain.Subscription;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Webhook subscriptions in {@code webhook_subscription}. */
@Repository
public class SubscriptionRepository {

    private static final String COLUMNS = """
            id, url, secret, event_types, scope_region, scope_location_id, scope_provider_id, scope_request_id,
            active, created_at""";

    private final DatabaseClient db;

    public SubscriptionRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Subscription subscription) {
        Scope scope = subscription.scope();
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO webhook_subscription (id, url, secret, event_types, scope_region,
                            scope_location_id, scope_provider_id, scope_request_id, active, created_at)
                        VALUES (:id, :url, :secret, :eventTypes, :region, :locationId, :providerId, :requestId,
                            :active, :createdAt)""")
                .bind("id", subscription.id())
                .bind("url", subscription.url().toString())
                .bind("secret", subscription.secret())
                .bind("eventTypes", subscription.eventTypes().toArray(String[]::new))
                .bind("active", subscription.active())
                .bind("createdAt", Sql.timestamp(subscription.createdAt()));
        spec = SqlBinds.nullable(spec, "region", scope.region(), String.class);
        spec = SqlBinds.nullable(spec, "locationId", scope.locationId(), String.class);
        spec = SqlBinds.nullable(spec, "providerId", scope.providerId(), String.class);
        spec = SqlBinds.nullable(spec, "requestId", scope.requestId(), String.class);
        return spec.then();
    }

    public Mono<Subscription> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = :id")
                .bind("id", id)
                .map(SubscriptionRepository::toSubscription)
                .one();
    }

    public Flux<Subscription> findAll() {
        return db.sql("SELECT " + COLUMNS + " FROM webhook_subscription ORDER BY created_at DESC, id")
                .map(SubscriptionRepository::toSubscription)
                .all();
    }

    /** Active subscriptions to an event type; their scopes are checked by the caller. */
    public Flux<Subscription> findActiveFor(String eventType) {
        // FOR SHARE: a deactivation waits for this fan-out to commit, and then fails the deliveries it created
        return db.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE active AND :type = ANY(event_types) FOR SHARE")
                .bind("type", eventType)
                .map(SubscriptionRepository::toSubscription)
                .all();
    }

    /** Stops future deliveries; true when the subscription was active. */
    public Mono<Boolean> deactivate(UUID id, Instant now) {
        return db.sql("UPDATE webhook_subscription SET active = FALSE, deactivated_at = :now WHERE id = :id AND active")
                .bind("id", id)
                .bind("now", Sql.timestamp(now))
                .fetch().rowsUpdated()
                .map(updated -> updated > 0);
    }

    private static Subscription toSubscription(Readable row) {
        return new Subscription(
                row.get("id", UUID.class),
                URI.create(row.get("url", String.class)),
                row.get("secret", String.class),
                List.of(row.get("event_types", String[].class)),
                new Scope(row.get("scope_region", String.class), row.get("scope_location_id", String.class),
                        row.get("scope_provider_id", String.class), row.get("scope_request_id", String.class)),
                Boolean.TRUE.equals(row.get("active", Boolean.class)),
                Sql.instant(row.get("created_at", OffsetDateTime.class)));
    }
}
