package nl.adempauze.bedavailability.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.adempauze.bedavailability.domain.HeldNight;
import nl.adempauze.bedavailability.domain.NightTake;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** How each night of a calendar hold was taken, and whether it has been given back. */
@Repository
public class HoldNightRepository {

    private final DatabaseClient db;

    public HoldNightRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(String offerId, List<HeldNight> nights) {
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
    public Flux<HeldNight> held(String offerId, LocalDate after) {
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

    /** Marks nights as given back. */
    public Mono<Void> free(String offerId, List<HeldNight> nights, Instant at) {
        return db.sql("UPDATE hold_night SET freed_at = :at WHERE offer_id = :offer AND night = ANY(:nights)")
                .bind("offer", offerId)
                .bind("at", at)
                .bind("nights", nights.stream().map(HeldNight::night).toArray(LocalDate[]::new))
                .then();
    }
}
