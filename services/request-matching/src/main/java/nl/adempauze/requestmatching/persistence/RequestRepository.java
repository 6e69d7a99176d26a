package nl.adempauze.requestmatching.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import nl.adempauze.platform.persistence.SqlBinds;
import nl.adempauze.requestmatching.domain.Contact;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.RankedCandidate;
import nl.adempauze.requestmatching.domain.RequestCommand;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.Stay;
import nl.adempauze.requestmatching.domain.Urgency;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests, as aggregates: stored when submitted, read (and locked) by id, and saved after each change. What the
 * views read is {@link RequestQueries}'s; the clocks' queries are {@link DueRequests}'.
 */
@Repository
public class RequestRepository {

    static final String COLUMNS = """
            id, region_id, care_type, urgency, needs, postcode, municipality, latitude, longitude, funder, needed_by, status, matched_offer_id, expected_admission_at,
            cancel_reason, submitted_at, updated_at, first_night, nights, flexible_days, weekend_in, series_id, priority,
            protection_override, round_started_at, waiting_since, booked_at, referrer_organisation""";

    private final DatabaseClient db;
    private final FieldEncryption encryption;
    private final JsonMapper json;

    public RequestRepository(DatabaseClient db, FieldEncryption encryption, JsonMapper json) {
        this.db = db;
        this.encryption = encryption;
        this.json = json;
    }

    public Mono<MatchingRequest> findByIdempotencyKey(String key) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE idempotency_key = :key").bind("key", key)
                .map(RequestRepository::toRequest).one();
    }

    /** The digest of what was asked under the request's idempotency key; empty for requests stored without one. */
    public Mono<String> idempotencyFingerprint(String requestId) {
        return db.sql("SELECT idempotency_fingerprint FROM request WHERE id = :id").bind("id", requestId)
                .map((row, meta) -> java.util.Optional.ofNullable(row.get(0, String.class))).one()
                .flatMap(Mono::justOrEmpty);
    }

    /** Stores a new request with whom to call back (name and phone encrypted). */
    public Mono<Void> insert(MatchingRequest request, Contact contact, String idempotencyKey,
                             String idempotencyFingerprint, String submittedBy) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO request (id, region_id, care_type, urgency, needs, postcode, municipality, latitude,
                                             longitude, funder, contact_name, contact_phone, contact_organisation,
                                             needed_by, status, submitted_at, updated_at, idempotency_key,
                                             idempotency_fingerprint, first_night, nights, flexible_days, weekend_in, latest_first_night,
                                             series_id, round_started_at, referrer_organisation, submitted_by)
                        VALUES (:id, :region, :careType, :urgency, :needs, :postcode, :municipality, :lat, :lon,
                                :funder, :contactName, :contactPhone, :contactOrganisation, :neededBy, :status,
                                :submittedAt, :submittedAt, :idempotencyKey, :idempotencyFingerprint, :firstNight, :nights, :flexibleDays,
                                :weekendIn, :latestFirstNight, :seriesId, :submittedAt, :referrerOrganisation,
                                :submittedBy)""")
                .bind("id", request.id())
                .bind("region", request.region())
                .bind("urgency", request.urgency().name())
                .bind("needs", request.needs().toArray(String[]::new))
                .bind("municipality", request.municipality())
                .bind("lat", request.latitude())
                .bind("lon", request.longitude())
                .bind("contactName", encryption.seal(contact.name(), request.id(), SealedColumn.CONTACT_NAME.name()))
                .bind("contactPhone", encryption.seal(contact.phone(), request.id(), SealedColumn.CONTACT_PHONE.name()))
                .bind("status", request.status().name())
                .bind("submittedAt", request.submittedAt());
        spec = SqlBinds.nullable(spec, "careType", request.careType(), String.class);
        spec = SqlBinds.nullable(spec, "postcode", request.postcode(), String.class);
        spec = SqlBinds.nullable(spec, "funder", request.funder(), String.class);
        spec = SqlBinds.nullable(spec, "contactOrganisation", contact.organisation(), String.class);
        spec = SqlBinds.nullable(spec, "neededBy", request.neededBy(), Instant.class);
        spec = SqlBinds.nullable(spec, "idempotencyKey", idempotencyKey, String.class);
        spec = SqlBinds.nullable(spec, "idempotencyFingerprint", idempotencyFingerprint, String.class);
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

    public Mono<MatchingRequest> find(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE id = :id").bind("id", id)
                .map(RequestRepository::toRequest).one();
    }

    /** Reads and locks the request: offer-cycle steps for one request never interleave. */
    public Mono<MatchingRequest> lock(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE id = :id FOR UPDATE").bind("id", id)
                .map(RequestRepository::toRequest).one();
    }

    /**
     * Locks the request if {@code command} is allowed in its status, unless another transaction is busy with it
     * (then it is that one's to handle).
     */
    public Mono<MatchingRequest> lockIfAllowed(String id, RequestCommand command) {
        return db.sql("SELECT " + COLUMNS + " FROM request WHERE id = :id AND status = ANY(:from) "
                        + "FOR UPDATE SKIP LOCKED")
                .bind("id", id).bind("from", Statuses.sourcesOf(command))
                .map(RequestRepository::toRequest).one();
    }

    /**
     * Stores what one of the request's methods changed (status, match, cancellation, planning), provided the row is
     * still in {@code expected}, the status the change was made from; fails otherwise.
     */
    public Mono<Void> save(MatchingRequest request, RequestStatus expected) {
        MatchingRequest.Planning planning = request.planning();
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        UPDATE request SET status = :status, care_type = :careType, needed_by = :neededBy,
                            matched_offer_id = :matchedOffer,
                            expected_admission_at = :expected, cancel_reason = :cancelReason, updated_at = :updatedAt,
                            priority = :priority, protection_override = :override, round_started_at = :round,
                            waiting_since = :waitingSince, booked_at = :bookedAt
                        WHERE id = :id AND status = :wasStatus""")
                .bind("id", request.id())
                .bind("status", request.status().name())
                .bind("wasStatus", expected.name())
                .bind("updatedAt", request.updatedAt())
                .bind("priority", planning.priority())
                .bind("override", planning.protectionOverride())
                .bind("round", planning.roundStartedAt());
        spec = SqlBinds.nullable(spec, "careType", request.careType(), String.class);
        spec = SqlBinds.nullable(spec, "neededBy", request.neededBy(), Instant.class);
        spec = SqlBinds.nullable(spec, "matchedOffer", request.matchedOfferId(), String.class);
        spec = SqlBinds.nullable(spec, "expected", request.expectedAdmissionAt(), Instant.class);
        spec = SqlBinds.nullable(spec, "cancelReason", request.cancelReason(), String.class);
        spec = SqlBinds.nullable(spec, "waitingSince", planning.waitingSince(), Instant.class);
        spec = SqlBinds.nullable(spec, "bookedAt", planning.bookedAt(), Instant.class);
        return spec.fetch().rowsUpdated().flatMap(updated -> updated == 1 ? Mono.<Void>empty()
                : Mono.error(new IllegalStateException("Request " + request.id() + " was no longer " + expected)));
    }

    /** Keeps the ranking the last search made, for the request's view. */
    public Mono<Void> saveRanking(String id, List<RankedCandidate> ranking) {
        return db.sql("UPDATE request SET ranking = :ranking WHERE id = :id").bind("id", id)
                .bind("ranking", RankingJson.write(json, ranking)).then();
    }

    static MatchingRequest toRequest(Readable row) {
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
