package nl.adempauze.requestmatching.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import nl.adempauze.platform.persistence.SqlBinds;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.Urgency;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class RequestRepository {

    private static final String COLUMNS = """
            id, region_id, care_type, urgency, needs, postcode, municipality, latitude, longitude, funder, contact_name,
            contact_phone, contact_organisation, needed_by, status, matched_offer_id, expected_admission_at,
            cancel_reason, submitted_at, updated_at""";

    private final DatabaseClient db;

    public RequestRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<MatchingRequest> findByIdempotencyKey(String key) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE idempotency_key = :key").bind("key", key)
                .map(RequestRepository::toRequest).one();
    }

    public Mono<Void> insert(MatchingRequest request, String idempotencyKey) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO request (id, region_id, care_type, urgency, needs, postcode, municipality, latitude,
                                             longitude, funder, contact_name, contact_phone, contact_organisation,
                                             needed_by, status, submitted_at, updated_at, idempotency_key)
                        VALUES (:id, :region, :careType, :urgency, :needs, :postcode, :municipality, :lat, :lon,
                                :funder, :contactName, :contactPhone, :contactOrganisation, :neededBy, :status,
                                :submittedAt, :submittedAt, :idempotencyKey)""")
                .bind("id", request.id())
                .bind("region", request.region())
                .bind("careType", request.careType())
                .bind("urgency", request.urgency().name())
                .bind("needs", request.needs().toArray(String[]::new))
                .bind("municipality", request.municipality())
                .bind("lat", request.latitude())
                .bind("lon", request.longitude())
                .bind("contactName", request.contact().name())
                .bind("contactPhone", request.contact().phone())
                .bind("status", request.status().name())
                .bind("submittedAt", request.submittedAt());
        spec = SqlBinds.nullable(spec, "postcode", request.postcode(), String.class);
        spec = SqlBinds.nullable(spec, "funder", request.funder(), String.class);
        spec = SqlBinds.nullable(spec, "contactOrganisation", request.contact().organisation(), String.class);
        spec = SqlBinds.nullable(spec, "neededBy", request.neededBy(), Instant.class);
        spec = SqlBinds.nullable(spec, "idempotencyKey", idempotencyKey, String.class);
        return spec.then();
    }

    public Mono<MatchingRequest> find(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE id = :id").bind("id", id)
                .map(RequestRepository::toRequest).one();
    }

    /** Reads and locks the request: offer-cycle steps for one request never interleave. */
    public Mono<MatchingRequest> lock(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE id = :id FOR UPDATE").bind("id", id)
                .map(RequestRepository::toRequest).one();
    }

    public Mono<Void> setStatus(String id, RequestStatus status, Instant at) {
        return db.sql("UPDATE request SET status = :status, updated_at = :at WHERE id = :id")
                .bind("id", id).bind("status", status.name()).bind("at", at).then();
    }

    public Mono<Void> setRanking(String id, String rankingJson) {
        return db.sql("UPDATE request SET ranking = :ranking WHERE id = :id").bind("id", id)
                .bind("ranking", rankingJson).then();
    }

    public Mono<String> ranking(String id) {
        return db.sql("SELECT ranking FROM request WHERE id = :id AND ranking IS NOT NULL").bind("id", id)
                .map((row, meta) -> row.get(0, String.class)).one();
    }

    public Mono<Void> matched(String id, String offerId, Instant expectedAdmissionAt, Instant at) {
        return db.sql("""
                        UPDATE request SET status = 'MATCHED', matched_offer_id = :offer,
                            expected_admission_at = :expected, updated_at = :at WHERE id = :id""")
                .bind("id", id).bind("offer", offerId).bind("expected", expectedAdmissionAt).bind("at", at).then();
    }

    public Mono<Void> cancelled(String id, String reason, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(
                        "UPDATE request SET status = 'CANCELLED', cancel_reason = :reason, updated_at = :at WHERE id = :id")
                .bind("id", id).bind("at", at);
        return SqlBinds.nullable(spec, "reason", reason, String.class).then();
    }

    /** Open requests whose needed-by time is near, not yet escalated for it. */
    public Flux<String> deadlineAtRisk(Instant threshold) {
        return db.sql("""
                        SELECT id FROM request WHERE status IN ('SUBMITTED', 'OFFERED') AND needed_by IS NOT NULL
                          AND needed_by <= :threshold AND deadline_escalated_at IS NULL""")
                .bind("threshold", threshold)
                .map((row, meta) -> row.get(0, String.class)).all();
    }

    public Mono<Long> markDeadlineEscalated(String id, Instant at) {
        return db.sql("UPDATE request SET deadline_escalated_at = :at WHERE id = :id AND deadline_escalated_at IS NULL")
                .bind("id", id).bind("at", at).fetch().rowsUpdated();
    }

    public Flux<MatchingRequest> inRegion(String region, Collection<RequestStatus> statuses) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE region_id = :region AND status = ANY(:statuses) "
                        + "ORDER BY submitted_at DESC LIMIT 500")
                .bind("region", region)
                .bind("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .map(RequestRepository::toRequest).all();
    }

    public Mono<Void> escalation(String requestId, String region, String reason, String detail, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO escalation (request_id, region_id, reason, detail, escalated_at)
                        VALUES (:request, :region, :reason, :detail, :at)""")
                .bind("request", requestId).bind("region", region).bind("reason", reason).bind("at", at);
        return SqlBinds.nullable(spec, "detail", detail, String.class).then();
    }

    public record EscalationRow(String reason, String detail, Instant escalatedAt) {
    }

    /** An escalation as the on-call coordinator's list shows it, with the request's current status. */
    public record RegionEscalation(String requestId, String careType, String urgency, String requestStatus,
                                   String reason, String detail, Instant escalatedAt) {
    }

    public Flux<RegionEscalation> escalationsInRegion(String region, Instant since) {
        return db.sql("""
                        SELECT e.request_id, r.care_type, r.urgency, r.status, e.reason, e.detail, e.escalated_at
                        FROM escalation e JOIN request r ON r.id = e.request_id
                        WHERE e.region_id = :region AND e.escalated_at >= :since
                        ORDER BY e.escalated_at DESC LIMIT 500""")
                .bind("region", region).bind("since", since)
                .map((row, meta) -> new RegionEscalation(row.get(0, String.class), row.get(1, String.class),
                        row.get(2, String.class), row.get(3, String.class), row.get(4, String.class),
                        row.get(5, String.class), row.get(6, Instant.class)))
                .all();
    }

    public Mono<List<EscalationRow>> escalations(String requestId) {
        return db.sql("SELECT reason, detail, escalated_at FROM escalation WHERE request_id = :id ORDER BY id")
                .bind("id", requestId)
                .map((row, meta) -> new EscalationRow(row.get(0, String.class), row.get(1, String.class),
                        row.get(2, Instant.class)))
                .all().collectList();
    }


    private static MatchingRequest toRequest(Readable row) {
        return new MatchingRequest(
                row.get("id", String.class),
                row.get("region_id", String.class),
                row.get("care_type", String.class),
                Urgency.valueOf(row.get("urgency", String.class)),
                List.of(row.get("needs", String[].class)),
                row.get("postcode", String.class),
                row.get("municipality", String.class),
                row.get("latitude", Double.class),
                row.get("longitude", Double.class),
                row.get("funder", String.class),
                new MatchingRequest.Contact(row.get("contact_name", String.class), row.get("contact_phone", String.class),
                        row.get("contact_organisation", String.class)),
                row.get("needed_by", Instant.class),
                RequestStatus.valueOf(row.get("status", String.class)),
                row.get("matched_offer_id", String.class),
                row.get("expected_admission_at", Instant.class),
                row.get("cancel_reason", String.class),
                row.get("submitted_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
