package nl.adempauze.requestmatching.persistence;

import java.time.Instant;
import nl.adempauze.platform.persistence.SqlBinds;
import nl.adempauze.requestmatching.domain.AuditAction;
import nl.adempauze.requestmatching.domain.AuditChain;
import nl.adempauze.requestmatching.domain.AuditEntry;
import nl.adempauze.requestmatching.domain.RequestOrigin;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The append-only audit trail: the service's login may only read and append (role request_matching_service), the
 * table refuses updates and deletes, and the database chains every entry to the one before (see V14).
 */
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

    /** Appends the entry, with where the call came from (the {@link RequestOrigin} in the Reactor context, if any). */
    public Mono<Void> record(AuditEntry entry) {
        return Mono.deferContextual(context -> insert(entry.from(context.getOrDefault(RequestOrigin.class,
                RequestOrigin.NONE))));
    }

    private Mono<Void> insert(AuditEntry entry) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO audit_entry (at, actor, role, organisation, action, request_id, reason, client,
                                                 address)
                        VALUES (:at, :actor, :role, :organisation, :action, :requestId, :reason, :client, :address)""")
                .bind("at", entry.at())
                .bind("actor", entry.actor())
                .bind("role", entry.role())
                .bind("action", entry.action().name());
        spec = SqlBinds.nullable(spec, "organisation", entry.organisation(), String.class);
        spec = SqlBinds.nullable(spec, "requestId", entry.requestId(), String.class);
        spec = SqlBinds.nullable(spec, "reason", entry.reason(), String.class);
        spec = SqlBinds.nullable(spec, "client", entry.client(), String.class);
        spec = SqlBinds.nullable(spec, "address", entry.address(), String.class);
        return spec.then();
    }

    /** Newest first. */
    public Flux<AuditEntry> find(Query query) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        SELECT id, at, actor, role, organisation, action, request_id, reason, client, address
                        FROM audit_entry
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
                row.get("reason", String.class), row.get("client", String.class),
                row.get("address", String.class))).all();
    }

    /** The whole chain in order, each link with the hash its content has now (recomputed by the database). */
    public Flux<AuditChain.Link> chain() {
        return db.sql("""
                        SELECT id, seq, previous_hash, entry_hash,
                               audit_entry_hash(seq, at, actor, role, organisation, action, request_id, reason,
                                                client, address, previous_hash) AS content_hash
                        FROM audit_entry ORDER BY seq""")
                .map(row -> new AuditChain.Link(row.get("id", Long.class), row.get("seq", Long.class),
                        row.get("previous_hash", String.class), row.get("entry_hash", String.class),
                        row.get("content_hash", String.class)))
                .all();
    }
}
