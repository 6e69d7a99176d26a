package nl.adempauze.requestmatching.persistence;

import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Every time a request was brought to the on-call coordinator, as its escalation event said. */
@Repository
public class EscalationLog {

    private final DatabaseClient db;
    private final JsonMapper json;

    public EscalationLog(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<Void> record(RequestEscalated escalated) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO escalation (request_id, region_id, reason, detail, detail_code, detail_values,
                                                escalated_at)
                        VALUES (:request, :region, :reason, :detail, :detailCode, :detailValues, :at)""")
                .bind("request", escalated.requestId()).bind("region", escalated.region())
                .bind("reason", escalated.reason()).bind("at", escalated.escalatedAt());
        spec = SqlBinds.nullable(spec, "detail", escalated.detail(), String.class);
        spec = SqlBinds.nullable(spec, "detailCode", escalated.detailCode(), String.class);
        return SqlBinds.nullable(spec, "detailValues", EscalationDetailJson.write(json, escalated.detailValues()),
                String.class).then();
    }
}
