package nl.adempauze.requestmatching.persistence;

import nl.adempauze.requestmatching.domain.RequestTriage;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The triage that came with a request, stored beside it as encrypted JSON (the answers are clinical). */
@Repository
public class TriageRecords {

    private final DatabaseClient db;
    private final FieldEncryption encryption;
    private final JsonMapper json;

    public TriageRecords(DatabaseClient db, FieldEncryption encryption, JsonMapper json) {
        this.db = db;
        this.encryption = encryption;
        this.json = json;
    }

    public Mono<Void> save(String requestId, RequestTriage triage) {
        return db.sql("UPDATE request SET triage = :triage WHERE id = :id").bind("id", requestId)
                .bind("triage", encryption.seal(json.writeValueAsString(triage), requestId,
                        SealedColumn.TRIAGE.name())).then();
    }

    /** The request's triage; empty when it came without one (or it was purged). */
    public Mono<RequestTriage> find(String requestId) {
        return db.sql("SELECT triage FROM request WHERE id = :id AND triage IS NOT NULL").bind("id", requestId)
                .map((row, meta) -> json.readValue(encryption.open(row.get(0, String.class), requestId,
                        SealedColumn.TRIAGE.name()), RequestTriage.class))
                .one();
    }
}
