package nl.adempauze.requestmatching.persistence;

import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Every time a request was brought to the on-call coordinator, as its escalation event said. */
@Repository
public class EscalationLog {

    private final DatabaseClient db;

    public EscalationLog(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> record(RequestEscalated escalated) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO escalation (request_id, region_id, reason, detail, escalated_at)
                        VALUES (:request, :region, :reason, :detail, :at)""")
                .bind("request", escalated.requestId()).bind("region", escalated.region())
                .bind("reason", escalated.reason()).bind("at", escalated.escalatedAt());
        return SqlBinds.nullable(spec, "detail", escalated.detail(), String.class).then();
    }
}
