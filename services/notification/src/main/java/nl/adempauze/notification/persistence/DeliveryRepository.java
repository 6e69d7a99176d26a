package nl.adempauze.notification.persistence;

import io.r2dbc.spi.Readable;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.adempauze.notification.domain.ClaimedDelivery;
import nl.adempauze.notification.domain.Delivery;
import nl.adempauze.notification.domain.DeliveryStatus;
import nl.adempauze.notification.domain.DeliveryUpdate;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Webhook deliveries in {@code webhook_delivery}: created with the event, claimed for an attempt, updated
 * with its outcome. Claiming moves {@code next_attempt_at} to the end of a lease in the same statement that
 * locks the rows ({@code FOR UPDATE SKIP LOCKED}), so two instances never send one delivery at the same time
 * and no transaction stays open while a receiver is slow.
 */
@Repository
public class DeliveryRepository {

    private static final String CLAIM = """
            UPDATE webhook_delivery d SET claim_token = :token, next_attempt_at = :leaseUntil
            FROM webhook_subscription s
            WHERE s.id = d.subscription_id AND d.id IN (
                SELECT id FROM webhook_delivery
                WHERE status = 'PENDING' AND next_attempt_at <= :now %s
                ORDER BY next_attempt_at LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            RETURNING d.id, d.claim_token, d.event_id, d.event_type, d.body, d.attempts, s.url, s.secret""";

    private final DatabaseClient db;

    public DeliveryRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A new pending delivery, due now; empty when this subscriber already has one for the event. */
    public Mono<UUID> insert(UUID subscriptionId, String eventId, String eventType, String body, Instant now) {
        return db.sql("""
                        INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, body, status,
                            next_attempt_at, created_at)
                        VALUES (:id, :subscriptionId, :eventId, :eventType, :body, 'PENDING', :now, :now)
                        ON CONFLICT (subscription_id, event_id) DO NOTHING
                        RETURNING id""")
                .bind("id", UUID.randomUUID())
                .bind("subscriptionId", subscriptionId)
                .bind("eventId", eventId)
                .bind("eventType", eventType)
                .bind("body", body)
                .bind("now", Sql.timestamp(now))
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    /** Claims due pending deliveries, oldest due first. */
    public Flux<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        return LeasedClaims.claim(db, CLAIM, now, leaseUntil, limit, null).map(DeliveryRepository::toClaimed).all();
    }

    /** Claims the given deliveries if they are still pending, due and not claimed by someone else. */
    public Flux<ClaimedDelivery> claim(List<UUID> ids, Instant now, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return LeasedClaims.claim(db, CLAIM, now, leaseUntil, ids.size(), ids).map(DeliveryRepository::toClaimed)
                .all();
    }

    /** Records an attempt's outcome; false when the claim was lost (lease ran out and another took over). */
    public Mono<Boolean> record(ClaimedDelivery claimed, DeliveryUpdate update) {
        DatabaseClient.GenericExecuteSpec spec = LeasedClaims.outcome(db.sql("""
                        UPDATE webhook_delivery SET status = :status, attempts = :attempts,
                            last_status_code = :statusCode, last_error = :error, next_attempt_at = :nextAttemptAt,
                            delivered_at = :deliveredAt, claim_token = NULL
                        WHERE id = :id AND claim_token = :token"""), claimed.id(), claimed.claimToken(), update);
        spec = SqlBinds.nullable(spec, "statusCode", update.statusCode(), Integer.class);
        return spec.fetch().rowsUpdated().map(updated -> updated > 0);
    }

    /** Gives up the pending deliveries of a subscription that was deactivated, visibly. */
    public Mono<Long> failPending(UUID subscriptionId, String reason) {
        return db.sql("""
                        UPDATE webhook_delivery SET status = 'FAILED', last_error = :reason, next_attempt_at = NULL,
                            claim_token = NULL
                        WHERE subscription_id = :subscriptionId AND status = 'PENDING'""")
                .bind("subscriptionId", subscriptionId)
                .bind("reason", reason)
                .fetch().rowsUpdated();
    }

    /** A subscription's delivery log, newest first, optionally of one status only. */
    public Flux<Delivery> log(UUID subscriptionId, DeliveryStatus status, int limit) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        SELECT id, subscription_id, event_id, event_type, status, attempts, last_status_code,
                            last_error, next_attempt_at, delivered_at, created_at
                        FROM webhook_delivery
                        WHERE subscription_id = :subscriptionId AND (CAST(:status AS TEXT) IS NULL OR status = :status)
                        ORDER BY created_at DESC, id LIMIT :limit""")
                .bind("subscriptionId", subscriptionId)
                .bind("limit", limit);
        spec = SqlBinds.nullable(spec, "status", status == null ? null : status.name(), String.class);
        return spec.map(DeliveryRepository::toDelivery).all();
    }

    private static ClaimedDelivery toClaimed(Readable row) {
        return new ClaimedDelivery(
                row.get("id", UUID.class),
                row.get("claim_token", UUID.class),
                row.get("event_id", String.class),
                row.get("event_type", String.class),
                row.get("body", String.class),
                row.get("attempts", Integer.class),
                URI.create(row.get("url", String.class)),
                row.get("secret", String.class));
    }

    private static Delivery toDelivery(Readable row) {
        return new Delivery(
                row.get("id", UUID.class),
                row.get("subscription_id", UUID.class),
                row.get("event_id", String.class),
                row.get("event_type", String.class),
                DeliveryStatus.valueOf(row.get("status", String.class)),
                row.get("attempts", Integer.class),
                row.get("last_status_code", Integer.class),
                row.get("last_error", String.class),
                Sql.instant(row.get("next_attempt_at", OffsetDateTime.class)),
                Sql.instant(row.get("delivered_at", OffsetDateTime.class)),
                Sql.instant(row.get("created_at", OffsetDateTime.class)));
    }
}
