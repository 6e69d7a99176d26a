package nl.adempauze.requestmatching.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import nl.adempauze.platform.persistence.SqlBinds;
import nl.adempauze.requestmatching.domain.Contact;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.RespiteMetrics;
import nl.adempauze.requestmatching.domain.Stay;
import nl.adempauze.requestmatching.domain.Urgency;
import nl.adempauze.requestmatching.domain.WaitingListOrder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class RequestRepository {

    private static final String COLUMNS = """
            id, region_id, care_type, urgency, needs, postcode, municipality, latitude, longitude, funder, needed_by, status, matched_offer_id, expected_admission_at,
            cancel_reason, submitted_at, updated_at, first_night, nights, flexible_days, weekend_in, series_id, priority,
            protection_override, round_started_at, waiting_since, booked_at, referrer_organisation""";

    private final DatabaseClient db;
    private final FieldEncryption encryption;

    public RequestRepository(DatabaseClient db, FieldEncryption encryption) {
        this.db = db;
        this.encryption = encryption;
    }

    public Mono<MatchingRequest> findByIdempotencyKey(String key) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE idempotency_key = :key").bind("key", key)
                .map(this::toRequest).one();
    }

    /** Stores a new request with whom to call back (name and phone encrypted). */
    public Mono<Void> insert(MatchingRequest request, Contact contact, String idempotencyKey, String submittedBy) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO request (id, region_id, care_type, urgency, needs, postcode, municipality, latitude,
                                             longitude, funder, contact_name, contact_phone, contact_organisation,
                                             needed_by, status, submitted_at, updated_at, idempotency_key,
                                             first_night, nights, flexible_days, weekend_in, latest_first_night,
                                             series_id, round_started_at, referrer_organisation, submitted_by)
                        VALUES (:id, :region, :careType, :urgency, :needs, :postcode, :municipality, :lat, :lon,
                                :funder, :contactName, :contactPhone, :contactOrganisation, :neededBy, :status,
                                :submittedAt, :submittedAt, :idempotencyKey, :firstNight, :nights, :flexibleDays,
                                :weekendIn, :latestFirstNight, :seriesId, :submittedAt, :referrerOrganisation,
                                :submittedBy)""")
                .bind("id", request.id())
                .bind("region", request.region())
                .bind("careType", request.careType())
                .bind("urgency", request.urgency().name())
                .bind("needs", request.needs().toArray(String[]::new))
                .bind("municipality", request.municipality())
                .bind("lat", request.latitude())
                .bind("lon", request.longitude())
                .bind("contactName", encryption.seal(contact.name()))
                .bind("contactPhone", encryption.seal(contact.phone()))
                .bind("status", request.status().name())
                .bind("submittedAt", request.submittedAt());
        spec = SqlBinds.nullable(spec, "postcode", request.postcode(), String.class);
        spec = SqlBinds.nullable(spec, "funder", request.funder(), String.class);
        spec = SqlBinds.nullable(spec, "contactOrganisation", contact.organisation(), String.class);
        spec = SqlBinds.nullable(spec, "neededBy", request.neededBy(), Instant.class);
        spec = SqlBinds.nullable(spec, "idempotencyKey", idempotencyKey, String.class);
        spec = SqlBinds.nullable(spec, "referrerOrganisation", request.referrerOrganisation(), String.class);
        spec = SqlBinds.nullable(spec, "submittedBy", submittedBy, String.class);
        MatchingRequest.Planning planning = request.planning();
        Stay stay = planning.stay();
        spec = SqlBinds.nullable(spec, "firstNight", stay != null ? stay.firstNight() : null, LocalDate.class);
        spec = SqlBinds.nullable(spec, "nights", planning.nights(), Integer.class);
        spec = spec.bind("flexibleDays", stay != null ? stay.flexibleDays() : 0);
        spec = SqlBinds.nullable(spec, "weekendIn", stay != null && stay.weekendIn() != null
                ? stay.weekendIn().toString() : null, String.class);
        spec = SqlBinds.nullable(spec, "latestFirstNight", stay != null ? stay.latestFirstNight() : null,
                LocalDate.class);
        spec = SqlBinds.nullable(spec, "seriesId", planning.seriesId(), String.class);
        return spec.then();
    }

    /** Ids of the occurrences of a recurring stay that come after {@code requestId}'s. */
    public Flux<String> laterInSeries(String seriesId, String requestId) {
        return db.sql("""
                        SELECT id FROM request WHERE series_id = :series AND latest_first_night >
                            (SELECT latest_first_night FROM request WHERE id = :id)
                        ORDER BY latest_first_night""")
                .bind("series", seriesId).bind("id", requestId).map((row, meta) -> row.get(0, String.class)).all();
    }

    /** Ids of the occurrences of a recurring stay, first night first. */
    public Flux<String> series(String seriesId) {
        return db.sql("SELECT id FROM request WHERE series_id = :series ORDER BY latest_first_night, id")
                .bind("series", seriesId).map((row, meta) -> row.get(0, String.class)).all();
    }

    public Mono<MatchingRequest> find(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE id = :id").bind("id", id)
                .map(this::toRequest).one();
    }

    /** Reads and locks the request: offer-cycle steps for one request never interleave. */
    public Mono<MatchingRequest> lock(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE id = :id FOR UPDATE").bind("id", id)
                .map(this::toRequest).one();
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

    /** The provider confirmed a planned stay. */
    public Mono<Void> booked(String id, String offerId, Instant expectedAdmissionAt, Instant at) {
        return db.sql("""
                        UPDATE request SET status = 'BOOKED', matched_offer_id = :offer, booked_at = :at,
                            expected_admission_at = :expected, updated_at = :at WHERE id = :id""")
                .bind("id", id).bind("offer", offerId).bind("expected", expectedAdmissionAt).bind("at", at).then();
    }

    /** Puts the request on the waiting list; the first time it waited is kept, so its place in line is kept too. */
    public Mono<Void> waitlisted(String id, Instant at) {
        return db.sql("""
                        UPDATE request SET status = 'WAITING', waiting_since = coalesce(waiting_since, :at),
                            updated_at = :at WHERE id = :id""")
                .bind("id", id).bind("at", at).then();
    }

    /** Starts a new matching round: locations refused before now may be tried again. */
    public Mono<Void> startRound(String id, Instant at) {
        return db.sql("UPDATE request SET round_started_at = :at WHERE id = :id").bind("id", id).bind("at", at).then();
    }

    public Mono<Void> protectionOverridden(String id, Instant at) {
        return db.sql("""
                        UPDATE request SET protection_override = TRUE, round_started_at = :at, updated_at = :at
                        WHERE id = :id""")
                .bind("id", id).bind("at", at).then();
    }

    public Mono<Integer> priorityRaised(String id, Instant at) {
        return db.sql("UPDATE request SET priority = priority + 1, updated_at = :at WHERE id = :id RETURNING priority")
                .bind("id", id).bind("at", at).map((row, meta) -> row.get(0, Integer.class)).one();
    }

    /** Records a coordinator's decision with its reason and who made it; {@code locationId} for a manual offer. */
    public Mono<Void> decision(String requestId, String region, String kind, String reason, String decidedBy,
                               String locationId, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO coordinator_decision (request_id, region_id, kind, reason, decided_by, location_id,
                                                          decided_at)
                        VALUES (:request, :region, :kind, :reason, :decidedBy, :location, :at)""")
                .bind("request", requestId).bind("region", region).bind("kind", kind).bind("reason", reason)
                .bind("decidedBy", decidedBy).bind("at", at);
        return SqlBinds.nullable(spec, "location", locationId, String.class).then();
    }

    /** A coordinator's decision as the request view lists it; {@code decidedBy} is null for decisions from before. */
    public record Decision(String kind, String reason, String decidedBy, String locationId, Instant decidedAt) {
    }

    public Mono<List<Decision>> decisions(String requestId) {
        return db.sql("""
                        SELECT kind, reason, decided_by, location_id, decided_at FROM coordinator_decision
                        WHERE request_id = :id ORDER BY id""")
                .bind("id", requestId)
                .map((row, meta) -> new Decision(row.get(0, String.class), row.get(1, String.class),
                        row.get(2, String.class), row.get(3, String.class), row.get(4, Instant.class)))
                .all().collectList();
    }

    /** The waiting list of one care type in a region, unordered: {@link WaitingListOrder} orders it. */
    public Flux<WaitingListOrder.Entry> waiting(String region, String careType) {
        return db.sql("""
                        SELECT id, waiting_since, priority FROM request
                        WHERE region_id = :region AND care_type = :careType AND status = 'WAITING'""")
                .bind("region", region).bind("careType", careType)
                .map((row, meta) -> new WaitingListOrder.Entry(row.get(0, String.class), row.get(1, Instant.class),
                        row.get(2, Integer.class)))
                .all();
    }

    public record CareTypeInRegion(String region, String careType) {
    }

    /** Region and care type of every waiting list that is not empty. */
    public Flux<CareTypeInRegion> waitingLists() {
        return db.sql("SELECT DISTINCT region_id, care_type FROM request WHERE status = 'WAITING'")
                .map((row, meta) -> new CareTypeInRegion(row.get(0, String.class), row.get(1, String.class))).all();
    }

    /** How many requests wait on each non-empty waiting list. */
    public Flux<RespiteMetrics.Length> waitingListLengths() {
        return db.sql("SELECT region_id, care_type, count(*) FROM request WHERE status = 'WAITING' "
                        + "GROUP BY region_id, care_type")
                .map((row, meta) -> new RespiteMetrics.Length(row.get(0, String.class), row.get(1, String.class),
                        row.get(2, Long.class)))
                .all();
    }

    /** Locks a waiting request unless another transaction is busy with it (then it is that one's to handle). */
    public Mono<MatchingRequest> lockIfWaiting(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE id = :id AND status = 'WAITING' FOR UPDATE SKIP LOCKED")
                .bind("id", id).map(this::toRequest).one();
    }

    /** Waiting requests whose last possible first night has begun: the stay can no longer be given. */
    public Flux<String> waitingWindowPassed(LocalDate tonight) {
        return db.sql("SELECT id FROM request WHERE status = 'WAITING' AND latest_first_night < :tonight")
                .bind("tonight", tonight).map((row, meta) -> row.get(0, String.class)).all();
    }

    /** A booked stay that begins soon and whose reminder has not gone out. */
    public record DueReminder(String requestId, String offerId) {
    }

    public Flux<DueReminder> remindersDue(LocalDate lastFirstNight) {
        return db.sql("""
                        SELECT r.id, o.id FROM request r JOIN offer o ON o.id = r.matched_offer_id
                        WHERE r.status = 'BOOKED' AND r.reminded_at IS NULL AND o.first_night <= :last""")
                .bind("last", lastFirstNight)
                .map((row, meta) -> new DueReminder(row.get(0, String.class), row.get(1, String.class))).all();
    }

    public Mono<Long> markReminded(String id, Instant at) {
        return db.sql("UPDATE request SET reminded_at = :at WHERE id = :id AND reminded_at IS NULL")
                .bind("id", id).bind("at", at).fetch().rowsUpdated();
    }

    /** Admitted crisis stays on the calendar whose held nights end by {@code lastNight}, not yet flagged. */
    public Flux<String> staysEndingBy(LocalDate lastNight) {
        return db.sql("""
                        SELECT r.id FROM request r JOIN offer o ON o.id = r.matched_offer_id
                        WHERE r.status = 'ADMITTED' AND r.urgency = 'CRISIS' AND o.first_night IS NOT NULL
                          AND o.first_night + o.nights - 1 <= :lastNight AND r.overrun_escalated_at IS NULL""")
                .bind("lastNight", lastNight).map((row, meta) -> row.get(0, String.class)).all();
    }

    public Mono<Long> markOverrunEscalated(String id, Instant at) {
        return db.sql("UPDATE request SET overrun_escalated_at = :at WHERE id = :id AND overrun_escalated_at IS NULL")
                .bind("id", id).bind("at", at).fetch().rowsUpdated();
    }

    public Mono<Void> cancelled(String id, String reason, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(
                        "UPDATE request SET status = 'CANCELLED', cancel_reason = :reason, updated_at = :at WHERE id = :id")
                .bind("id", id).bind("at", at);
        return SqlBinds.nullable(spec, "reason", reason, String.class).then();
    }

    /**
     * Open requests whose needed-by time is near, not yet escalated for it: crisis requests within
     * {@code crisisThreshold}, planned ones (needed by their last possible first night) within
     * {@code plannedThreshold}.
     */
    public Flux<String> deadlineAtRisk(Instant crisisThreshold, Instant plannedThreshold) {
        return db.sql("""
                        SELECT id FROM request WHERE status IN ('SUBMITTED', 'OFFERED', 'WAITING')
                          AND needed_by IS NOT NULL AND deadline_escalated_at IS NULL
                          AND needed_by <= CASE WHEN urgency = 'PLANNED' THEN :planned ELSE :crisis END""")
                .bind("crisis", crisisThreshold).bind("planned", plannedThreshold)
                .map((row, meta) -> row.get(0, String.class)).all();
    }

    public Mono<Long> markDeadlineEscalated(String id, Instant at) {
        return db.sql("UPDATE request SET deadline_escalated_at = :at WHERE id = :id AND deadline_escalated_at IS NULL")
                .bind("id", id).bind("at", at).fetch().rowsUpdated();
    }

    /** A referrer organisation's requests, newest first. */
    public Flux<MatchingRequest> ofReferrerOrganisation(String organisation, Collection<RequestStatus> statuses) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE referrer_organisation = :organisation "
                        + "AND status = ANY(:statuses) ORDER BY submitted_at DESC LIMIT 500")
                .bind("organisation", organisation)
                .bind("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .map(this::toRequest).all();
    }

    public Flux<MatchingRequest> inRegion(String region, Collection<RequestStatus> statuses) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE region_id = :region AND status = ANY(:statuses) "
                        + "ORDER BY submitted_at DESC LIMIT 500")
                .bind("region", region)
                .bind("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .map(this::toRequest).all();
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


    private MatchingRequest toRequest(Readable row) {
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
                row.get("needed_by", Instant.class),
                RequestStatus.valueOf(row.get("status", String.class)),
                row.get("matched_offer_id", String.class),
                row.get("expected_admission_at", Instant.class),
                row.get("cancel_reason", String.class),
                row.get("submitted_at", Instant.class),
                row.get("updated_at", Instant.class),
                planning(row),
                row.get("referrer_organisation", String.class));
    }

    private static MatchingRequest.Planning planning(Readable row) {
        Integer nights = row.get("nights", Integer.class);
        LocalDate firstNight = row.get("first_night", LocalDate.class);
        String weekendIn = row.get("weekend_in", String.class);
        Stay stay = Urgency.PLANNED.name().equals(row.get("urgency", String.class)) && nights != null
                ? new Stay(firstNight, nights, row.get("flexible_days", Integer.class),
                        weekendIn == null ? null : YearMonth.parse(weekendIn))
                : null;
        return new MatchingRequest.Planning(stay, nights, row.get("series_id", String.class),
                row.get("priority", Integer.class), Boolean.TRUE.equals(row.get("protection_override", Boolean.class)),
                row.get("round_started_at", Instant.class), row.get("waiting_since", Instant.class),
                row.get("booked_at", Instant.class));
    }
}
