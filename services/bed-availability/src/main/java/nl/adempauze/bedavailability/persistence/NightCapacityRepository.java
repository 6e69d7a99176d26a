package nl.adempauze.bedavailability.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import nl.adempauze.bedavailability.domain.HeldNight;
import nl.adempauze.bedavailability.domain.NightCapacity;
import nl.adempauze.bedavailability.domain.NightTake;
import nl.adempauze.bedavailability.domain.OccupancyReport;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Calendar capacity rows. Whoever changes nights first locks them with {@link #lockRange} or {@link #lockNights},
 * always in night order, so concurrent stays over overlapping nights wait for each other instead of deadlocking,
 * and decide on figures nobody else can change until they commit.
 */
@Repository
public class NightCapacityRepository {

    private static final String COLUMNS = "location_id, care_type, night, free_beds, planned_held, crisis_held, "
            + "crisis_released, crisis_overridden, version, published_at, adjusted_at";

    private final DatabaseClient db;

    public NightCapacityRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Locks (for the rest of the transaction) and reads the rows of the nights {@code first..last}. */
    public Flux<NightCapacity> lockRange(String locationId, String careType, LocalDate first, LocalDate last) {
        return db.sql("SELECT " + COLUMNS + """
                         FROM night_capacity
                        WHERE location_id = :location AND care_type = :careType AND night BETWEEN :first AND :last
                        ORDER BY night FOR UPDATE""")
                .bind("location", locationId)
                .bind("careType", careType)
                .bind("first", first)
                .bind("last", last)
                .map(NightCapacityRepository::toNight)
                .all();
    }

    /** Locks (for the rest of the transaction) and reads the rows of the given nights that exist. */
    public Flux<NightCapacity> lockNights(String locationId, String careType, List<LocalDate> nights) {
        return db.sql("SELECT " + COLUMNS + """
                         FROM night_capacity
                        WHERE location_id = :location AND care_type = :careType AND night = ANY(:nights)
                        ORDER BY night FOR UPDATE""")
                .bind("location", locationId)
                .bind("careType", careType)
                .bind("nights", nights.toArray(LocalDate[]::new))
                .map(NightCapacityRepository::toNight)
                .all();
    }

    /** The locations of a region that keep this care type on their calendar (have any night of it). */
    public Flux<String> locationsWithCareType(String regionId, String careType) {
        return db.sql("""
                        SELECT DISTINCT n.location_id FROM night_capacity n JOIN location l ON l.id = n.location_id
                        WHERE l.region_id = :region AND n.care_type = :careType""")
                .bind("region", regionId)
                .bind("careType", careType)
                .map((row, meta) -> row.get("location_id", String.class))
                .all();
    }

    public Flux<NightCapacity> inRegion(String regionId, String careType, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT n.location_id, n.care_type, n.night, n.free_beds, n.planned_held, n.crisis_held,
                               n.crisis_released, n.crisis_overridden, n.version, n.published_at, n.adjusted_at
                        FROM night_capacity n JOIN location l ON l.id = n.location_id
                        WHERE l.region_id = :region AND n.care_type = :careType AND n.night BETWEEN :from AND :to
                        ORDER BY l.name, n.night""")
                .bind("region", regionId)
                .bind("careType", careType)
                .bind("from", from)
                .bind("to", to)
                .map(NightCapacityRepository::toNight)
                .all();
    }

    /** Every calendar night of the region between two nights (inclusive), of every care type. */
    public Flux<NightCapacity> inRegion(String regionId, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT n.location_id, n.care_type, n.night, n.free_beds, n.planned_held, n.crisis_held,
                               n.crisis_released, n.crisis_overridden, n.version, n.published_at, n.adjusted_at
                        FROM night_capacity n JOIN location l ON l.id = n.location_id
                        WHERE l.region_id = :region AND n.night BETWEEN :from AND :to
                        ORDER BY n.location_id, n.care_type, n.night""")
                .bind("region", regionId)
                .bind("from", from)
                .bind("to", to)
                .map(NightCapacityRepository::toNight)
                .all();
    }

    /** The care types each location of the region keeps on its calendar (has any night of). */
    public Flux<OccupancyReport.Key> calendarsInRegion(String regionId) {
        return db.sql("""
                        SELECT DISTINCT n.location_id, n.care_type FROM night_capacity n
                        JOIN location l ON l.id = n.location_id WHERE l.region_id = :region""")
                .bind("region", regionId)
                .map((row, meta) -> new OccupancyReport.Key(row.get("location_id", String.class),
                        row.get("care_type", String.class)))
                .all();
    }

    /**
     * Publishes free beds for nights (inserting new nights, bumping the version of known ones), in night order;
     * returns the rows as they now stand, in night order.
     */
    public Mono<List<NightCapacity>> publish(String locationId, String careType, List<LocalDate> nights,
                                             List<Integer> freeBeds, Instant now) {
        return db.sql("INSERT INTO night_capacity (location_id, care_type, night, free_beds, version, published_at, "
                        + "adjusted_at) "
                        + "SELECT :location, :careType, n.night, n.free, 1, :now, :now "
                        + "FROM unnest(:nights, :free) AS n(night, free) ORDER BY n.night "
                        + "ON CONFLICT (location_id, care_type, night) DO UPDATE SET free_beds = EXCLUDED.free_beds, "
                        + "version = night_capacity.version + 1, published_at = EXCLUDED.published_at, "
                        + "adjusted_at = EXCLUDED.adjusted_at RETURNING " + COLUMNS)
                .bind("location", locationId)
                .bind("careType", careType)
                .bind("nights", nights.toArray(LocalDate[]::new))
                .bind("free", freeBeds.toArray(Integer[]::new))
                .bind("now", now)
                .map(NightCapacityRepository::toNight)
                .all()
                .sort(Comparator.comparing(NightCapacity::night))
                .collectList();
    }

    /** Takes ({@code delta} 1) or gives back ({@code delta} -1) one bed of a night, as {@code held} says. */
    public Mono<NightCapacity> adjust(String locationId, String careType, HeldNight held, int delta, Instant now) {
        return db.sql("""
                        UPDATE night_capacity SET planned_held = planned_held + :planned,
                            crisis_held = crisis_held + :crisis, crisis_released = crisis_released + :released,
                            crisis_overridden = crisis_overridden + :overridden, version = version + 1,
                            adjusted_at = :now
                        WHERE location_id = :location AND care_type = :careType AND night = :night
                        RETURNING\s""" + COLUMNS)
                .bind("location", locationId)
                .bind("careType", careType)
                .bind("night", held.night())
                .bind("planned", held.planned() ? delta : 0)
                .bind("crisis", held.planned() ? 0 : delta)
                .bind("released", held.take() == NightTake.RELEASED ? delta : 0)
                .bind("overridden", held.take() == NightTake.OVERRIDDEN ? delta : 0)
                .bind("now", now)
                .map(NightCapacityRepository::toNight)
                .one()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("No night " + held.night() + " of "
                        + careType + " at " + locationId)));
    }

    private static NightCapacity toNight(Readable row) {
        return new NightCapacity(
                row.get("location_id", String.class),
                row.get("care_type", String.class),
                row.get("night", LocalDate.class),
                row.get("free_beds", Integer.class),
                row.get("planned_held", Integer.class),
                row.get("crisis_held", Integer.class),
                row.get("crisis_released", Integer.class),
                row.get("crisis_overridden", Integer.class),
                row.get("version", Long.class),
                row.get("published_at", Instant.class),
                row.get("adjusted_at", Instant.class));
    }
}
