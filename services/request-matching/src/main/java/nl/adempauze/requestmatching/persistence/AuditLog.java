package nl.adempauze.requestmatching.persistence;

import java.time.Instant;
import nl.adempauze.platform.persistence.SqlBinds;
import nl.adempauze.requestmatching.domain.AuditAction;
import nl.adempauze.requestmatching.domain.AuditEntry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The append-only audit trail (the table refuses updates and deletes). */
@Repository
public class AuditLog {

    /** Filters for the admin's query; null means any. */
    public record Query(String requestId, String actor, String organisation, AuditAction action, Instant from,
                        Instant to, int limit) {
    }

    private final DatabaseClient db;

    public AuditLog(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> record(AuditEntry entry) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO audit_entry (at, actor, role, organisation, action, request_id, reason)
                        VALUES (:at, :actor, :role, :organisation, :action, :requestId, :reason)""")
                .bind("at", entry.at())
                .bind("actor", entry.actor())
                .bind("role", entry.role())
                .bind("action", entry.action().name());
        spec = SqlBinds.nullable(spec, "organisation", entry.organisation(), String.class);
        spec = SqlBinds.nullable(spec, "requestId", entry.requestId(), String.class);
        spec = SqlBinds.nullable(spec, "reason", entry.reason(), String.class);
        return spec.then();
    }

    /** Newest first. */
    public Flux<AuditEntry> find(Query query) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        SELECT id, at, actor, role, organisation, action, request_id, reason FROM audit_entry
                        WHERE (CAST(:requestId AS TEXT) IS NULL OR request_id = :requestId)
                          AND (CAST(:actor AS TEXT) IS NULL OR actor = :actor)
                          AND (CAST(:organisation AS TEXT) IS NULL OR organisation = :organisation)
                          AND (CAST(:action AS TEXT) IS NULL OR action = :action)
                          AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR at >= :from)
                          AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR at < :to)
                        ORDER BY at DESC, id DESC LIMIT :limit""")
                .bind("limit", query.limit());
        spec = SqlBinds.nullable(spec, "requestId", query.requestId(), String.class);
        spec = SqlBinds.nullable(spec, "actor", query.actor(), String.class);
        spec = SqlBinds.nullable(spec, "organisation", query.organisation(), String.class);
        spec = SqlBinds.nullable(spec, "action", query.action() == null ? null : query.action().name(), String.class);
        spec = SqlBinds.nullable(spec, "from", query.from(), Instant.class);
        spec = SqlBinds.nullable(spec, "to", query.to(), Instant.class);
        return spec.map(row -> new AuditEntry(row.get("id", Long.class), row.get("at", Instant.class),
                row.get("actor", String.class), row.get("role", String.class), row.get("organisation", String.class),
                AuditAction.valueOf(row.get("action", String.class)), row.get("request_id", String.class),
                row.get("reason", String.class))).all();
    }
}
