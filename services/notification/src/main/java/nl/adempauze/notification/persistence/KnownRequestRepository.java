package nl.adempauze.notification.persistence;

import java.time.Instant;
import nl.adempauze.notification.domain.KnownRequest;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The submitted requests notification knows of ({@code known_request}), to tell who may see their events. */
@Repository
public class KnownRequestRepository {

    private final DatabaseClient db;

    public KnownRequestRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Remembers a request; a request already known is left as it was, so a redelivered event changes nothing. */
    public Mono<Void> remember(KnownRequest request, String municipality, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO known_request (request_id, region, referrer_organisation, municipality, recorded_at)
                        VALUES (:requestId, :region, :referrerOrganisation, :municipality, :now)
                        ON CONFLICT (request_id) DO NOTHING""")
                .bind("requestId", request.requestId())
                .bind("now", Sql.timestamp(now));
        spec = SqlBinds.nullable(spec, "region", request.region(), String.class);
        spec = SqlBinds.nullable(spec, "referrerOrganisation", request.referrerOrganisation(), String.class);
        spec = SqlBinds.nullable(spec, "municipality", municipality, String.class);
        return spec.then();
    }

    /** The municipality the request was submitted for, named in pages; empty when not known. */
    public Mono<String> municipalityOf(String requestId) {
        return db.sql("SELECT municipality FROM known_request WHERE request_id = :id AND municipality IS NOT NULL")
                .bind("id", requestId)
                .map(row -> row.get("municipality", String.class))
                .one();
    }

    public Mono<KnownRequest> find(String requestId) {
        return db.sql("SELECT request_id, region, referrer_organisation FROM known_request WHERE request_id = :id")
                .bind("id", requestId)
                .map(row -> new KnownRequest(row.get("request_id", String.class), row.get("region", String.class),
                        row.get("referrer_organisation", String.class)))
                .one();
    }
}
