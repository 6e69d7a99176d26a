package nl.adempauze.requestmatching.persistence;

import java.time.Instant;
import nl.adempauze.platform.persistence.SqlBinds;
import nl.adempauze.requestmatching.domain.RequestNote;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The notes written with a request's reasons, each sealed by {@link FieldEncryption} before it is stored. */
@Repository
public class RequestNoteRepository {

    private final DatabaseClient db;
    private final FieldEncryption encryption;

    public RequestNoteRepository(DatabaseClient db, FieldEncryption encryption) {
        this.db = db;
        this.encryption = encryption;
    }

    /** Keeps a note of a request; nothing for a null note (nothing was written). */
    public Mono<Void> save(String requestId, RequestNote note) {
        if (note == null) {
            return Mono.empty();
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO request_note (request_id, subject, reason_code, offer_id, sealed, written_by,
                                                  written_at)
                        VALUES (:requestId, :subject, :code, :offerId, :sealed, :writtenBy, :at)""")
                .bind("requestId", requestId).bind("subject", note.subject().name()).bind("code", note.reasonCode())
                .bind("sealed", encryption.seal(note.text(), requestId, SealedColumn.REQUEST_NOTE.name())).bind("at", note.writtenAt());
        spec = SqlBinds.nullable(spec, "offerId", note.offerId(), String.class);
        return SqlBinds.nullable(spec, "writtenBy", note.writtenBy(), String.class).then();
    }

    /** A request's notes, oldest first, opened. */
    public Flux<RequestNote> ofRequest(String requestId) {
        return db.sql("""
                        SELECT subject, reason_code, offer_id, sealed, written_by, written_at FROM request_note
                        WHERE request_id = :requestId ORDER BY written_at, id""")
                .bind("requestId", requestId)
                .map(row -> new RequestNote(RequestNote.Subject.valueOf(row.get("subject", String.class)),
                        row.get("reason_code", String.class), row.get("offer_id", String.class),
                        encryption.open(row.get("sealed", String.class), requestId,
                                SealedColumn.REQUEST_NOTE.name()), row.get("written_by", String.class),
                        row.get("written_at", Instant.class)))
                .all();
    }

    /** Deletes a request's notes; answers whether it had any. */
    public Mono<Boolean> purge(String requestId) {
        return db.sql("DELETE FROM request_note WHERE request_id = :requestId").bind("requestId", requestId)
                .fetch().rowsUpdated().map(count -> count > 0);
    }
}
