package nl.adempauze.notification.persistence;

import io.r2dbc.spi.Readable;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.adempauze.notification.domain.Scope;
import nl.adempauze.notification.domain.Subscription;
import nl.adempauze.notification.domain.Viewer;
import nl.adempauze.platform.security.Role;
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
            active, created_at, owner_role, owner_organisation, owner_regions, owner_subject""";

    private final DatabaseClient db;

    public SubscriptionRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Subscription subscription) {
        Scope scope = subscription.scope();
        Viewer owner = Objects.requireNonNull(subscription.owner(), "a new subscription needs an owner");
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO webhook_subscription (id, url, secret, event_types, scope_region,
                            scope_location_id, scope_provider_id, scope_request_id, active, created_at, owner_role,
                            owner_organisation, owner_regions, owner_subject)
                        VALUES (:id, :url, :secret, :eventTypes, :region, :locationId, :providerId, :requestId,
                            :active, :createdAt, :ownerRole, :ownerOrganisation, :ownerRegions, :ownerSubject)""")
                .bind("id", subscription.id())
                .bind("url", subscription.url().toString())
                .bind("secret", subscription.secret())
                .bind("eventTypes", subscription.eventTypes().toArray(String[]::new))
                .bind("active", subscription.active())
                .bind("createdAt", Sql.timestamp(subscription.createdAt()))
                .bind("ownerRole", owner.role().name())
                .bind("ownerRegions", owner.sortedRegions().toArray(String[]::new));
        spec = SqlBinds.nullable(spec, "ownerOrganisation", owner.organisation(), String.class);
        spec = SqlBinds.nullable(spec, "ownerSubject", owner.subject(), String.class);
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

    /**
     * The subscriptions {@code viewer} manages (see {@link Viewer#manages}), active or not, newest first: its
     * organisation's in the same role, or, for a coordinator, those whose regions are all its own.
     */
    public Flux<Subscription> findManagedBy(Viewer viewer) {
        if (viewer.is(Role.COORDINATOR)) {
            return db.sql("SELECT " + COLUMNS + """
                             FROM webhook_subscription
                            WHERE owner_role = 'COORDINATOR' AND cardinality(owner_regions) > 0
                              AND owner_regions <@ :regions
                            ORDER BY created_at DESC, id""")
                    .bind("regions", viewer.sortedRegions().toArray(String[]::new))
                    .map(SubscriptionRepository::toSubscription)
                    .all();
        }
        return db.sql("SELECT " + COLUMNS + """
                         FROM webhook_subscription
                        WHERE owner_role = :role AND owner_organisation = :organisation
                        ORDER BY created_at DESC, id""")
                .bind("role", viewer.role().name())
                .bind("organisation", viewer.organisation())
                .map(SubscriptionRepository::toSubscription)
                .all();
    }

    /** Active subscriptions to an event type; their scopes and owners are checked by the caller. */
    /** Whether any active subscription takes this event type (a read of its own, outside any fan-out). */
    public Mono<Boolean> anyActiveFor(String eventType) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM webhook_subscription WHERE active AND :type = ANY(event_types))")
                .bind("type", eventType)
                .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
                .one();
    }

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
                Sql.instant(row.get("created_at", OffsetDateTime.class)),
                owner(row));
    }

    /** Null for a subscription made before sign-in was required, or whose stored owner is not a valid viewer. */
    private static Viewer owner(Readable row) {
        String role = row.get("owner_role", String.class);
        if (role == null) {
            return null;
        }
        String[] regions = row.get("owner_regions", String[].class);
        try {
            return new Viewer(Role.valueOf(role), row.get("owner_organisation", String.class),
                    regions == null ? Set.of() : Set.copyOf(List.of(regions)),
                    row.get("owner_subject", String.class));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
