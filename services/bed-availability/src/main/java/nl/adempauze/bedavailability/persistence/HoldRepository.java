package nl.adempauze.bedavailability.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.adempauze.bedavailability.domain.HeldNight;
import nl.adempauze.bedavailability.domain.Hold;
import nl.adempauze.bedavailability.domain.HoldCommand;
import nl.adempauze.bedavailability.domain.HoldStatus;
import nl.adempauze.bedavailability.domain.NightTake;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Holds, with the nights a calendar hold took: the hold aggregate's store. */
@Repository
public class HoldRepository {

    private static final String COLUMNS = "offer_id, request_id, location_id, care_type, urgency, first_night, "
            + "nights, status, reason, created_at, updated_at";

    private final DatabaseClient db;

    public HoldRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Hold> find(String offerId) {
        return db.sql("SELECT " + COLUMNS + " FROM hold WHERE offer_id = :id")
                .bind("id", offerId)
                .map(HoldRepository::toHold)
                .one();
    }

    /** How many holds at the location are open: held for an offer or accepted, the patient not yet admitted. */
    public Mono<Long> countOpenAt(String locationId) {
        return db.sql("SELECT count(*) AS open FROM hold WHERE location_id = :id AND status IN ('HELD', 'ACCEPTED')")
                .bind("id", locationId)
                .map(row -> row.get("open", Long.class))
                .one();
    }

    /** Inserts the hold unless this offer already has one: an offer is held at most once. */
    public Mono<Boolean> insert(Hold hold) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO hold (offer_id, request_id, location_id, care_type, urgency, first_night, nights,
                                          status, reason, created_at, updated_at)
                        VALUES (:offer, :request, :location, :careType, :urgency, :firstNight, :nights, :status,
                                :reason, :at, :at)
                        ON CONFLICT (offer_id) DO NOTHING""")
                .bind("offer", hold.offerId())
                .bind("request", hold.requestId())
                .bind("location", hold.locationId())
                .bind("careType", hold.careType())
                .bind("status", hold.status().name())
                .bind("at", hold.createdAt());
        spec = SqlBinds.nullable(spec, "urgency", hold.urgency(), String.class);
        spec = SqlBinds.nullable(spec, "firstNight", hold.firstNight(), LocalDate.class);
        spec = SqlBinds.nullable(spec, "nights", hold.nights(), Integer.class);
        spec = SqlBinds.nullable(spec, "reason", hold.reason(), String.class);
        return spec.fetch().rowsUpdated().map(count -> count > 0);
    }

    /**
     * Stores the hold as {@code by} changed it, if the hold is still in a status from which the table allows
     * {@code by}: one conditional update, so of two changes racing for one hold only one applies (the other finds
     * the hold moved on). Answers the hold as stored; empty when it had moved on, or does not exist.
     */
    public Mono<Hold> save(Hold changed, HoldCommand by) {
        Set<HoldStatus> from = Hold.LIFE.sourcesOf(by);
        DatabaseClient.GenericExecuteSpec spec = db.sql("UPDATE hold SET status = :next, reason = :reason, "
                        + "updated_at = :at WHERE offer_id = :id AND status = ANY(:from) RETURNING " + COLUMNS)
                .bind("id", changed.offerId())
                .bind("next", changed.status().name())
                .bind("at", changed.updatedAt())
                .bind("from", from.stream().map(HoldStatus::name).toArray(String[]::new));
        spec = SqlBinds.nullable(spec, "reason", changed.reason(), String.class);
        return spec.map(HoldRepository::toHold).one();
    }

    /** Keeps how each night of a calendar hold was taken, so that giving it back undoes exactly that. */
    public Mono<Void> insertNights(String offerId, List<HeldNight> nights) {
        return Flux.fromIterable(nights).concatMap(night -> db.sql("""
                                INSERT INTO hold_night (offer_id, night, planned, take)
                                VALUES (:offer, :night, :planned, :take)""")
                        .bind("offer", offerId)
                        .bind("night", night.night())
                        .bind("planned", night.planned())
                        .bind("take", night.take().name())
                        .then())
                .then();
    }

    /** The nights the hold still holds after {@code after} (all of them when null), in night order. */
    public Flux<HeldNight> heldNights(String offerId, LocalDate after) {
        String afterClause = after == null ? "" : " AND night > :after";
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT night, planned, take FROM hold_night "
                + "WHERE offer_id = :offer AND freed_at IS NULL" + afterClause + " ORDER BY night")
                .bind("offer", offerId);
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map((row, meta) -> new HeldNight(row.get("night", LocalDate.class),
                        Boolean.TRUE.equals(row.get("planned", Boolean.class)),
                        NightTake.valueOf(row.get("take", String.class))))
                .all();
    }

    /** Marks nights of the hold as given back. */
    public Mono<Void> freeNights(String offerId, List<HeldNight> nights, Instant at) {
        return db.sql("UPDATE hold_night SET freed_at = :at WHERE offer_id = :offer AND night = ANY(:nights)")
                .bind("offer", offerId)
                .bind("at", at)
                .bind("nights", nights.stream().map(HeldNight::night).toArray(LocalDate[]::new))
                .then();
    }

    private static Hold toHold(Readable row) {
        return new Hold(
                row.get("offer_id", String.class),
                row.get("request_id", String.class),
                row.get("location_id", String.class),
                row.get("care_type", String.class),
                row.get("urgency", String.class),
                row.get("first_night", LocalDate.class),
                row.get("nights", Integer.class),
                HoldStatus.valueOf(row.get("status", String.class)),
                row.get("reason", String.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
