package nl.adempauze.notification.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.adempauze.notification.domain.Page;
import nl.adempauze.notification.domain.PageStatus;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pages ({@code page}). A new page is inserted once per escalation event; a change is written only over the version
 * it was made from ({@link #update}), so a step or acknowledgement applied twice takes effect once.
 */
@Repository
public class PageRepository {

    private static final String COLUMNS = "id, event_id, region, request_id, care_type, municipality, reason, status, "
            + "version, next_step_at, acknowledged_by, acknowledged_at, created_at";

    private final DatabaseClient db;

    public PageRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Stores a new page; false when the event already has one (a redelivered event). */
    public Mono<Boolean> insert(Page page) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO page (id, event_id, region, request_id, care_type, municipality, reason, status,
                            version, next_step_at, created_at)
                        VALUES (:id, :eventId, :region, :requestId, :careType, :municipality, :reason, :status,
                            :version, :nextStepAt, :createdAt)
                        ON CONFLICT (event_id) DO NOTHING""")
                .bind("id", page.id())
                .bind("eventId", page.eventId())
                .bind("region", page.region())
                .bind("requestId", page.requestId())
                .bind("status", page.status().name())
                .bind("version", page.version())
                .bind("createdAt", Sql.timestamp(page.createdAt()));
        spec = SqlBinds.nullable(spec, "careType", page.careType(), String.class);
        spec = SqlBinds.nullable(spec, "municipality", page.municipality(), String.class);
        spec = SqlBinds.nullable(spec, "reason", page.reason(), String.class);
        spec = SqlBinds.nullable(spec, "nextStepAt", Sql.timestamp(page.nextStepAt()), OffsetDateTime.class);
        return spec.fetch().rowsUpdated().map(inserted -> inserted > 0);
    }

    /** Writes the changed page if it is still at the version before the change; false when someone else was first. */
    public Mono<Boolean> update(Page changed) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        UPDATE page SET status = :status, version = :version, next_step_at = :nextStepAt,
                            acknowledged_by = :acknowledgedBy, acknowledged_at = :acknowledgedAt
                        WHERE id = :id AND version = :previousVersion""")
                .bind("id", changed.id())
                .bind("status", changed.status().name())
                .bind("version", changed.version())
                .bind("previousVersion", changed.version() - 1);
        spec = SqlBinds.nullable(spec, "nextStepAt", Sql.timestamp(changed.nextStepAt()), OffsetDateTime.class);
        spec = SqlBinds.nullable(spec, "acknowledgedBy", changed.acknowledgedBy(), String.class);
        spec = SqlBinds.nullable(spec, "acknowledgedAt", Sql.timestamp(changed.acknowledgedAt()),
                OffsetDateTime.class);
        return spec.fetch().rowsUpdated().map(updated -> updated > 0);
    }

    public Mono<Page> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM page WHERE id = :id").bind("id", id)
                .map(PageRepository::toPage).one();
    }

    /** Unacknowledged pages whose time ran out, oldest first. */
    public Flux<Page> due(Instant now, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM page WHERE status IN ('PRIMARY_PAGED', 'BACKUP_PAGED') "
                        + "AND next_step_at <= :now ORDER BY next_step_at LIMIT :limit")
                .bind("now", Sql.timestamp(now)).bind("limit", limit)
                .map(PageRepository::toPage).all();
    }

    /** A region's pages, newest first. */
    public Flux<Page> ofRegion(String region, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM page WHERE region = :region ORDER BY created_at DESC, id "
                        + "LIMIT :limit")
                .bind("region", region).bind("limit", limit)
                .map(PageRepository::toPage).all();
    }

    /** A region's pages made in {@code [from, to)}. */
    public Flux<Page> ofRegionBetween(String region, Instant from, Instant to) {
        return db.sql("SELECT " + COLUMNS + " FROM page WHERE region = :region AND created_at >= :from "
                        + "AND created_at < :to")
                .bind("region", region).bind("from", Sql.timestamp(from)).bind("to", Sql.timestamp(to))
                .map(PageRepository::toPage).all();
    }

    private static Page toPage(Readable row) {
        return new Page(
                row.get("id", UUID.class),
                row.get("event_id", String.class),
                row.get("region", String.class),
                row.get("request_id", String.class),
                row.get("care_type", String.class),
                row.get("municipality", String.class),
                row.get("reason", String.class),
                PageStatus.valueOf(row.get("status", String.class)),
                row.get("version", Integer.class),
                Sql.instant(row.get("next_step_at", OffsetDateTime.class)),
                row.get("acknowledged_by", String.class),
                Sql.instant(row.get("acknowledged_at", OffsetDateTime.class)),
                Sql.instant(row.get("created_at", OffsetDateTime.class)));
    }
}
