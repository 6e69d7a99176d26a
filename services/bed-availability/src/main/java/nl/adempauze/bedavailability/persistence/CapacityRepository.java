package nl.adempauze.bedavailability.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import nl.adempauze.bedavailability.domain.CapacityFigure;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Capacity rows. Every change is one conditional UPDATE, so PostgreSQL's row lock serialises concurrent holds on
 * the same beds and re-checks the condition after waiting: two offers can never take the last bed.
 */
@Repository
public class CapacityRepository {

    private static final String RETURNING =
            " RETURNING location_id, care_type, free_beds, held_beds, version, published_at, adjusted_at";

    private final DatabaseClient db;

    public CapacityRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<CapacityFigure> find(String locationId, String careType) {
        return db.sql("""
                        SELECT location_id, care_type, free_beds, held_beds, version, published_at, adjusted_at
                        FROM capacity WHERE location_id = :location AND care_type = :careType""")
                .bind("location", locationId)
                .bind("careType", careType)
                .map(CapacityRepository::toFigure)
                .one();
    }

    /** Locks the row for the rest of the transaction, so a publish sees a stable number of held beds. */
    public Mono<CapacityFigure> findForUpdate(String locationId, String careType) {
        return db.sql("""
                        SELECT location_id, care_type, free_beds, held_beds, version, published_at, adjusted_at
                        FROM capacity WHERE location_id = :location AND care_type = :careType FOR UPDATE""")
                .bind("location", locationId)
                .bind("careType", careType)
                .map(CapacityRepository::toFigure)
                .one();
    }

    public Flux<CapacityFigure> inRegion(String regionId) {
        return db.sql("""
                        SELECT c.location_id, c.care_type, c.free_beds, c.held_beds, c.version, c.published_at,
                               c.adjusted_at
                        FROM capacity c JOIN location l ON l.id = c.location_id
                        WHERE l.region_id = :region ORDER BY l.name, c.care_type""")
                .bind("region", regionId)
                .map(CapacityRepository::toFigure)
                .all();
    }

    public Mono<CapacityFigure> publish(String locationId, String careType, int freeBeds, Instant now) {
        return db.sql("""
                        INSERT INTO capacity (location_id, care_type, free_beds, held_beds, version, published_at, adjusted_at)
                        VALUES (:location, :careType, :free, 0, 1, :now, :now)
                        ON CONFLICT (location_id, care_type) DO UPDATE SET free_beds = EXCLUDED.free_beds,
                            version = capacity.version + 1, published_at = EXCLUDED.published_at,
                            adjusted_at = EXCLUDED.adjusted_at""" + RETURNING)
                .bind("location", locationId)
                .bind("careType", careType)
                .bind("free", freeBeds)
                .bind("now", now)
                .map(CapacityRepository::toFigure)
                .one();
    }

    /** Takes one available bed, or returns empty when none is left at an open location. */
    public Mono<CapacityFigure> holdOne(String locationId, String careType, Instant now) {
        return db.sql("""
                        UPDATE capacity c SET held_beds = c.held_beds + 1, version = c.version + 1, adjusted_at = :now
                        FROM location l
                        WHERE c.location_id = :location AND c.care_type = :careType AND l.id = c.location_id
                          AND l.open AND c.free_beds - c.held_beds > 0
                        RETURNING c.location_id, c.care_type, c.free_beds, c.held_beds, c.version, c.published_at,
                                  c.adjusted_at""")
                .bind("location", locationId)
                .bind("careType", careType)
                .bind("now", now)
                .map(CapacityRepository::toFigure)
                .one();
    }

    /** Applies a change to the held and free counts caused by a hold's life (release, admission, discharge). */
    public Mono<CapacityFigure> adjust(String locationId, String careType, int heldDelta, int freeDelta, Instant now) {
        return db.sql("""
                        UPDATE capacity SET held_beds = held_beds + :heldDelta, free_beds = free_beds + :freeDelta,
                            version = version + 1, adjusted_at = :now
                        WHERE location_id = :location AND care_type = :careType""" + RETURNING)
                .bind("location", locationId)
                .bind("careType", careType)
                .bind("heldDelta", heldDelta)
                .bind("freeDelta", freeDelta)
                .bind("now", now)
                .map(CapacityRepository::toFigure)
                .one();
    }

    private static CapacityFigure toFigure(Readable row) {
        return new CapacityFigure(
                row.get("location_id", String.class),
                row.get("care_type", String.class),
                row.get("free_beds", Integer.class),
                row.get("held_beds", Integer.class),
                row.get("version", Long.class),
                row.get("published_at", Instant.class),
                row.get("adjusted_at", Instant.class));
    }
}
