package nl.adempauze.bedavailability.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import nl.adempauze.bedavailability.domain.Hold;
import nl.adempauze.bedavailability.domain.HoldStatus;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

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

    /** Moves a hold to {@code next} if its life allows it from where it is; empty when it does not. */
    public Mono<Hold> transition(String offerId, HoldStatus next, String reason, Instant at) {
        Collection<HoldStatus> from = HoldStatus.sourcesOf(next);
        DatabaseClient.GenericExecuteSpec spec = db.sql("UPDATE hold SET status = :next, reason = :reason, "
                        + "updated_at = :at WHERE offer_id = :id AND status = ANY(:from) RETURNING " + COLUMNS)
                .bind("id", offerId)
                .bind("next", next.name())
                .bind("at", at)
                .bind("from", from.stream().map(HoldStatus::name).toArray(String[]::new));
        spec = SqlBinds.nullable(spec, "reason", reason, String.class);
        return spec.map(HoldRepository::toHold).one();
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
