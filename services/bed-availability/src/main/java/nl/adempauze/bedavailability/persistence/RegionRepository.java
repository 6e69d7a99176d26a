package nl.adempauze.bedavailability.persistence;

import java.time.Duration;
import nl.adempauze.bedavailability.domain.Region;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
public class RegionRepository {

    private final DatabaseClient db;

    public RegionRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Region> find(String regionId) {
        Mono<java.util.List<Region.CareType>> careTypes = db.sql(
                        "SELECT code, name, funding_stream, default_urgency FROM care_type WHERE region_id = :id ORDER BY code")
                .bind("id", regionId)
                .map((row, meta) -> new Region.CareType(row.get("code", String.class), row.get("name", String.class),
                        row.get("funding_stream", String.class), row.get("default_urgency", String.class)))
                .all().collectList();
        return db.sql("SELECT id, name, freshness_window_minutes FROM region WHERE id = :id")
                .bind("id", regionId)
                .map((row, meta) -> new Object[] {row.get("id", String.class), row.get("name", String.class),
                        row.get("freshness_window_minutes", Integer.class)})
                .one()
                .zipWith(careTypes, (r, types) -> new Region((String) r[0], (String) r[1],
                        Duration.ofMinutes((Integer) r[2]), types));
    }

    public Mono<Void> save(Region region) {
        Mono<Void> upsertRegion = db.sql("""
                        INSERT INTO region (id, name, freshness_window_minutes) VALUES (:id, :name, :window)
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name,
                            freshness_window_minutes = EXCLUDED.freshness_window_minutes""")
                .bind("id", region.id())
                .bind("name", region.name())
                .bind("window", (int) region.freshnessWindow().toMinutes())
                .then();
        return upsertRegion.thenMany(reactor.core.publisher.Flux.fromIterable(region.careTypes()))
                .concatMap(type -> db.sql("""
                                INSERT INTO care_type (region_id, code, name, funding_stream, default_urgency)
                                VALUES (:region, :code, :name, :stream, :urgency)
                                ON CONFLICT (region_id, code) DO UPDATE SET name = EXCLUDED.name,
                                    funding_stream = EXCLUDED.funding_stream, default_urgency = EXCLUDED.default_urgency""")
                        .bind("region", region.id())
                        .bind("code", type.code())
                        .bind("name", type.name())
                        .bind("stream", type.fundingStream())
                        .bind("urgency", type.defaultUrgency())
                        .then())
                .then();
    }
}
