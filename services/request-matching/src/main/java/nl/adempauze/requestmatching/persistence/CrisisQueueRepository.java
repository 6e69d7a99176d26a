package nl.adempauze.requestmatching.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import nl.adempauze.platform.persistence.SqlBinds;
import nl.adempauze.requestmatching.domain.CrisisQueueEntry;
import nl.adempauze.requestmatching.domain.CrisisQueueOrder;
import nl.adempauze.requestmatching.domain.RequestCommand;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The crisis queue's entries, one per request that ever joined it; which queued requests may be retried or leave is
 * bound from the request's transition table.
 */
@Repository
public class CrisisQueueRepository {

    private static final String IN_QUEUE = "q.placed_at IS NULL AND q.left_at IS NULL";

    private final DatabaseClient db;

    public CrisisQueueRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Puts the request in the queue; one that was there already keeps its place (and any pause). */
    public Mono<Void> join(CrisisQueueEntry entry) {
        return db.sql("INSERT INTO crisis_queue (request_id, queued_since) VALUES (:id, :since) "
                        + "ON CONFLICT (request_id) DO NOTHING")
                .bind("id", entry.requestId()).bind("since", entry.since()).then();
    }

    public Mono<CrisisQueueEntry> find(String requestId) {
        return db.sql("SELECT request_id, queued_since, paused_reason, placed_at, left_at FROM crisis_queue "
                        + "WHERE request_id = :id")
                .bind("id", requestId).map(CrisisQueueRepository::toEntry).one();
    }

    public Mono<Void> save(CrisisQueueEntry entry) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        UPDATE crisis_queue SET paused_reason = :reason, placed_at = :placedAt, left_at = :leftAt
                        WHERE request_id = :id""")
                .bind("id", entry.requestId());
        spec = SqlBinds.nullable(spec, "reason", entry.pausedReason(), String.class);
        spec = SqlBinds.nullable(spec, "placedAt", entry.placedAt(), Instant.class);
        spec = SqlBinds.nullable(spec, "leftAt", entry.leftAt(), Instant.class);
        return spec.then();
    }

    /** The requests of a region and care type the queue may retry now (not paused), unordered. */
    public Flux<CrisisQueueOrder.Entry> retryable(String region, String careType) {
        return db.sql("SELECT r.id, r.needed_by, q.queued_since FROM crisis_queue q JOIN request r ON r.id = q.request_id "
                        + "WHERE " + IN_QUEUE + " AND q.paused_reason IS NULL AND r.status = ANY(:from) "
                        + "AND r.region_id = :region AND r.care_type = :careType")
                .bind("from", Statuses.sourcesOf(RequestCommand.RETRY_FROM_QUEUE))
                .bind("region", region).bind("careType", careType)
                .map((row, meta) -> new CrisisQueueOrder.Entry(row.get(0, String.class), row.get(1, Instant.class),
                        row.get(2, Instant.class)))
                .all();
    }

    /** The care types of {@code region} (all regions when null) with a request the queue may retry. */
    public Flux<WaitingListRepository.CareTypeInRegion> queues(String region) {
        String inRegion = region == null ? "" : " AND r.region_id = :region";
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT DISTINCT r.region_id, r.care_type FROM crisis_queue q "
                        + "JOIN request r ON r.id = q.request_id WHERE " + IN_QUEUE + " AND q.paused_reason IS NULL "
                        + "AND r.status = ANY(:from)" + inRegion)
                .bind("from", Statuses.sourcesOf(RequestCommand.RETRY_FROM_QUEUE));
        if (region != null) {
            spec = spec.bind("region", region);
        }
        return spec.map((row, meta) -> new WaitingListRepository.CareTypeInRegion(row.get(0, String.class),
                row.get(1, String.class))).all();
    }

    /** Queued requests (paused or not) whose admission deadline has passed and that may leave the queue. */
    public Flux<String> deadlinePassed(Instant now) {
        return db.sql("SELECT r.id FROM crisis_queue q JOIN request r ON r.id = q.request_id WHERE " + IN_QUEUE
                        + " AND r.status = ANY(:from) AND r.needed_by IS NOT NULL AND r.needed_by <= :now")
                .bind("from", Statuses.sourcesOf(RequestCommand.LEAVE_QUEUE)).bind("now", now)
                .map((row, meta) -> row.get(0, String.class)).all();
    }

    static CrisisQueueEntry toEntry(Readable row) {
        return new CrisisQueueEntry(row.get("request_id", String.class), row.get("queued_since", Instant.class),
                row.get("paused_reason", String.class), row.get("placed_at", Instant.class),
                row.get("left_at", Instant.class));
    }
}
