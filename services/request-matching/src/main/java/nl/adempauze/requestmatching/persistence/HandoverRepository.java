package nl.adempauze.requestmatching.persistence;

import java.time.Instant;
import nl.adempauze.requestmatching.domain.Handover;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** A request's handover: one JSON document, sealed by {@link FieldEncryption} before it reaches the database. */
@Repository
public class HandoverRepository {

    private final DatabaseClient db;
    private final FieldEncryption encryption;
    private final JsonMapper json;

    public HandoverRepository(DatabaseClient db, FieldEncryption encryption, JsonMapper json) {
        this.db = db;
        this.encryption = encryption;
        this.json = json;
    }

    /** Records or replaces the handover of a request. */
    public Mono<Void> save(String requestId, Handover handover, Instant at) {
        return db.sql("""
                        INSERT INTO handover (request_id, sealed, recorded_at) VALUES (:requestId, :sealed, :at)
                        ON CONFLICT (request_id) DO UPDATE SET sealed = excluded.sealed,
                                                               recorded_at = excluded.recorded_at""")
                .bind("requestId", requestId)
                .bind("sealed", encryption.seal(json.writeValueAsString(handover), requestId,
                        SealedColumn.HANDOVER.name()))
                .bind("at", at)
                .then();
    }

    public Mono<Handover> find(String requestId) {
        return db.sql("SELECT sealed FROM handover WHERE request_id = :requestId")
                .bind("requestId", requestId)
                .map(row -> json.readValue(encryption.open(row.get("sealed", String.class), requestId,
                        SealedColumn.HANDOVER.name()), Handover.class))
                .one();
    }

    /** Whether a request has a handover (all that its views and events may say about it). */
    public Mono<Boolean> exists(String requestId) {
        return db.sql("SELECT 1 FROM handover WHERE request_id = :requestId").bind("requestId", requestId)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    /** Deletes a request's handover; answers whether there was one. */
    public Mono<Boolean> purge(String requestId) {
        return db.sql("DELETE FROM handover WHERE request_id = :requestId").bind("requestId", requestId)
                .fetch().rowsUpdated().map(count -> count > 0);
    }
}
