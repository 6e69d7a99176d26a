package nl.adempauze.bedavailability.persistence;

import java.time.Instant;
import java.util.Set;
import nl.adempauze.bedavailability.domain.HoldStatus;
import nl.adempauze.bedavailability.domain.MidnightCensus;
import nl.adempauze.bedavailability.domain.OccupancyReport;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** The past of free-now capacity, for occupancy: how the figures stood, and when holds took and gave back beds. */
@Repository
public class OccupancyRepository {

    private final DatabaseClient db;

    public OccupancyRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A fact about one care type at one location. */
    public record Keyed<T>(OccupancyReport.Key key, T value) {
    }

    /**
     * The stands of the region's free-now figures from {@code since} up to {@code until}, each figure's last stand
     * before {@code since} included (the one standing then), in the order they were taken.
     */
    public Flux<Keyed<MidnightCensus.Stand>> stands(String regionId, Instant since, Instant until) {
        return db.sql("""
                        SELECT location_id, care_type, at, free_beds, held_beds, seq FROM (
                            SELECT DISTINCT ON (h.location_id, h.care_type) h.location_id, h.care_type, h.at,
                                   h.free_beds, h.held_beds, h.seq
                            FROM capacity_history h JOIN location l ON l.id = h.location_id
                            WHERE l.region_id = :region AND h.at < :since
                            ORDER BY h.location_id, h.care_type, h.at DESC, h.seq DESC) standing
                        UNION ALL
                        SELECT h.location_id, h.care_type, h.at, h.free_beds, h.held_beds, h.seq
                        FROM capacity_history h JOIN location l ON l.id = h.location_id
                        WHERE l.region_id = :region AND h.at >= :since AND h.at <= :until
                        ORDER BY at, seq""")
                .bind("region", regionId)
                .bind("since", since)
                .bind("until", until)
                .map((row, meta) -> new Keyed<>(
                        new OccupancyReport.Key(row.get("location_id", String.class), row.get("care_type", String.class)),
                        new MidnightCensus.Stand(row.get("at", Instant.class), row.get("free_beds", Integer.class),
                                row.get("held_beds", Integer.class))))
                .all();
    }

    /** The beds free-now holds of the region took at some moment between {@code since} and {@code until}. */
    public Flux<Keyed<MidnightCensus.Taking>> takings(String regionId, Instant since, Instant until) {
        return db.sql("""
                        SELECT h.location_id, h.care_type, h.status, h.created_at, h.updated_at
                        FROM hold h JOIN location l ON l.id = h.location_id
                        WHERE l.region_id = :region AND h.first_night IS NULL AND NOT h.status = ANY(:tookNone)
                          AND h.created_at <= :until
                          AND (h.status = ANY(:stillTaking) OR h.updated_at > :since)""")
                .bind("region", regionId)
                .bind("tookNone", names(MidnightCensus.Taking.TOOK_NONE))
                .bind("stillTaking", names(MidnightCensus.Taking.STILL_TAKING))
                .bind("since", since)
                .bind("until", until)
                .map((row, meta) -> MidnightCensus.Taking.of(HoldStatus.valueOf(row.get("status", String.class)),
                                row.get("created_at", Instant.class), row.get("updated_at", Instant.class))
                        .map(taking -> new Keyed<>(new OccupancyReport.Key(row.get("location_id", String.class),
                                row.get("care_type", String.class)), taking)))
                .all()
                .flatMap(found -> found.map(Flux::just).orElseGet(Flux::empty));
    }

    private static String[] names(Set<HoldStatus> statuses) {
        return statuses.stream().map(HoldStatus::name).toArray(String[]::new);
    }
}
