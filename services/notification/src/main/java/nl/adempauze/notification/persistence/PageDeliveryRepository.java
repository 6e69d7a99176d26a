package nl.adempauze.notification.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.adempauze.notification.domain.Channel;
import nl.adempauze.notification.domain.ClaimedPageDelivery;
import nl.adempauze.notification.domain.DeliveryStatus;
import nl.adempauze.notification.domain.DeliveryUpdate;
import nl.adempauze.notification.domain.PageAttempt;
import nl.adempauze.notification.domain.PageTier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The messages of pages and of referrers' follow-ups ({@code page_delivery}; a follow-up message has no page), kept and claimed exactly as {@link DeliveryRepository} keeps
 * webhook deliveries: created in the transaction that pages, claimed with a lease ({@code FOR UPDATE SKIP LOCKED}),
 * updated with the attempt's outcome under the claim token.
 */
@Repository
public class PageDeliveryRepository {

    private static final String CLAIM = """
            UPDATE page_delivery SET claim_token = :token, next_attempt_at = :leaseUntil
            WHERE id IN (
                SELECT id FROM page_delivery
                WHERE status = 'PENDING' AND next_attempt_at <= :now %s
                ORDER BY next_attempt_at LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            RETURNING id, claim_token, page_id, channel, address, subject, body, attempts""";

    private final DatabaseClient db;

    public PageDeliveryRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A new pending message, due now; empty when this person already has one of this tier and channel. */
    public Mono<UUID> insert(UUID pageId, PageTier tier, String recipient, Channel channel, String address,
                             String subject, String body, Instant now) {
        return newMessage("""
                        INSERT INTO page_delivery (id, page_id, tier, recipient, channel, address, subject, body,
                            status, next_attempt_at, created_at)
                        VALUES (:id, :pageId, :tier, :recipient, :channel, :address, :subject, :body, 'PENDING',
                            :now, :now)
                        ON CONFLICT (page_id, tier, recipient, channel) DO NOTHING
                        RETURNING id""", recipient, channel, address, subject, body, now)
                .bind("pageId", pageId)
                .bind("tier", tier.name())
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    /**
     * A new pending follow-up message to a referrer, due now; empty when this event already has one on this channel
     * (an event delivered twice sends once).
     */
    public Mono<UUID> insertFollowUp(String eventId, String recipient, Channel channel, String address,
                                     String subject, String body, Instant now) {
        return newMessage("""
                        INSERT INTO page_delivery (id, event_id, recipient, channel, address, subject, body, status,
                            next_attempt_at, created_at)
                        VALUES (:id, :eventId, :recipient, :channel, :address, :subject, :body, 'PENDING', :now, :now)
                        ON CONFLICT (event_id, channel) WHERE event_id IS NOT NULL DO NOTHING
                        RETURNING id""", recipient, channel, address, subject, body, now)
                .bind("eventId", eventId)
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    /** A new message's insert with what every message has bound: a fresh id, due now. */
    private DatabaseClient.GenericExecuteSpec newMessage(String sql, String recipient, Channel channel,
                                                         String address, String subject, String body, Instant now) {
        return db.sql(sql)
                .bind("id", UUID.randomUUID())
                .bind("recipient", recipient)
                .bind("channel", channel.name())
                .bind("address", address)
                .bind("subject", subject)
                .bind("body", body)
                .bind("now", Sql.timestamp(now));
    }

    public Flux<ClaimedPageDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        return LeasedClaims.claim(db, CLAIM, now, leaseUntil, limit, null).map(PageDeliveryRepository::toClaimed)
                .all();
    }

    public Flux<ClaimedPageDelivery> claim(List<UUID> ids, Instant now, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return LeasedClaims.claim(db, CLAIM, now, leaseUntil, ids.size(), ids).map(PageDeliveryRepository::toClaimed)
                .all();
    }

    /** Records an attempt's outcome; false when the claim was lost. */
    public Mono<Boolean> record(ClaimedPageDelivery claimed, DeliveryUpdate update) {
        return LeasedClaims.outcome(db.sql("""
                        UPDATE page_delivery SET status = :status, attempts = :attempts, last_error = :error,
                            next_attempt_at = :nextAttemptAt, delivered_at = :deliveredAt, claim_token = NULL
                        WHERE id = :id AND claim_token = :token"""), claimed.id(), claimed.claimToken(), update)
                .fetch().rowsUpdated().map(updated -> updated > 0);
    }

    private static ClaimedPageDelivery toClaimed(Readable row) {
        return new ClaimedPageDelivery(
                row.get("id", UUID.class),
                row.get("claim_token", UUID.class),
                row.get("page_id", UUID.class),
                Channel.valueOf(row.get("channel", String.class)),
                row.get("address", String.class),
                row.get("subject", String.class),
                row.get("body", String.class),
                row.get("attempts", Integer.class));
    }

    /** The messages of the given pages, oldest first. */
    public Flux<PageAttempt> ofPages(Collection<UUID> pageIds) {
        if (pageIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        SELECT id, page_id, tier, recipient, channel, address, status, attempts, last_error,
                            next_attempt_at, delivered_at, created_at
                        FROM page_delivery WHERE page_id = ANY(:ids) ORDER BY created_at, id""")
                .bind("ids", pageIds.toArray(UUID[]::new))
                .map(PageDeliveryRepository::toAttempt).all();
    }

    private static PageAttempt toAttempt(Readable row) {
        return new PageAttempt(
                row.get("id", UUID.class),
                row.get("page_id", UUID.class),
                PageTier.valueOf(row.get("tier", String.class)),
                row.get("recipient", String.class),
                Channel.valueOf(row.get("channel", String.class)),
                row.get("address", String.class),
                DeliveryStatus.valueOf(row.get("status", String.class)),
                row.get("attempts", Integer.class),
                row.get("last_error", String.class),
                Sql.instant(row.get("next_attempt_at", OffsetDateTime.class)),
                Sql.instant(row.get("delivered_at", OffsetDateTime.class)),
                Sql.instant(row.get("created_at", OffsetDateTime.class)));
    }
}
