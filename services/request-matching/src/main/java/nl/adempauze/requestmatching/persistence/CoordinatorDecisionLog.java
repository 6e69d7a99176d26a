package nl.adempauze.requestmatching.persistence;

import java.time.Instant;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The coordinator's decisions on requests, each with its reason and who made it. */
@Repository
public class CoordinatorDecisionLog {

    private final DatabaseClient db;

    public CoordinatorDecisionLog(DatabaseClient db) {
        this.db = db;
    }

    /** Records a decision; {@code locationId} for a manual offer, else null. */
    public Mono<Void> record(String requestId, String region, String kind, String reason, String decidedBy,
                             String locationId, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO coordinator_decision (request_id, region_id, kind, reason, decided_by, location_id,
                                                          decided_at)
                        VALUES (:request, :region, :kind, :reason, :decidedBy, :location, :at)""")
                .bind("request", requestId).bind("region", region).bind("kind", kind).bind("reason", reason)
                .bind("decidedBy", decidedBy).bind("at", at);
        return SqlBinds.nullable(spec, "location", locationId, String.class).then();
    }
}
