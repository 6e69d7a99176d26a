package nl.adempauze.bedavailability.persistence;

import java.time.Duration;
import java.util.List;
import nl.adempauze.bedavailability.domain.Region;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class RegionRepository {

    private final DatabaseClient db;

    public RegionRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Region> find(String regionId) {
        Mono<List<Region.CareType>> careTypes = db.sql("""
                        SELECT code, name, funding_stream, default_urgency, crisis_response_minutes,
                               planned_response_minutes, admission_deadline_hours
                        FROM care_type WHERE region_id = :id ORDER BY code""")
                .bind("id", regionId)
                .map((row, meta) -> new Region.CareType(row.get("code", String.class), row.get("name", String.class),
                        row.get("funding_stream", String.class), row.get("default_urgency", String.class),
                        Duration.ofMinutes(row.get("crisis_response_minutes", Integer.class)),
                        Duration.ofMinutes(row.get("planned_response_minutes", Integer.class)),
                        Duration.ofHours(row.get("admission_deadline_hours", Integer.class))))
                .all().collectList();
        Mono<List<Region.Municipality>> municipalities = db.sql("""
                        SELECT name, latitude, longitude, postcode_areas FROM municipality
                        WHERE region_id = :id ORDER BY name""")
                .bind("id", regionId)
                .map((row, meta) -> new Region.Municipality(row.get("name", String.class),
                        row.get("latitude", Double.class), row.get("longitude", Double.class),
                        List.of(row.get("postcode_areas", String[].class))))
                .all().collectList();
        return db.sql("SELECT id, name, freshness_window_minutes FROM region WHERE id = :id")
                .bind("id", regionId)
                .map((row, meta) -> new Object[] {row.get("id", String.class), row.get("name", String.class),
                        row.get("freshness_window_minutes", Integer.class)})
                .one()
                .zipWith(Mono.zip(careTypes, municipalities), (r, lists) -> new Region((String) r[0], (String) r[1],
                        Duration.ofMinutes((Integer) r[2]), lists.getT1(), lists.getT2()));
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
        Flux<Void> careTypes = Flux.fromIterable(region.careTypes()).concatMap(type -> db.sql("""
                        INSERT INTO care_type (region_id, code, name, funding_stream, default_urgency,
                                               crisis_response_minutes, planned_response_minutes, admission_deadline_hours)
                        VALUES (:region, :code, :name, :stream, :urgency, :crisis, :planned, :deadline)
                        ON CONFLICT (region_id, code) DO UPDATE SET name = EXCLUDED.name,
                            funding_stream = EXCLUDED.funding_stream, default_urgency = EXCLUDED.default_urgency,
                            crisis_response_minutes = EXCLUDED.crisis_response_minutes,
                            planned_response_minutes = EXCLUDED.planned_response_minutes,
                            admission_deadline_hours = EXCLUDED.admission_deadline_hours""")
                .bind("region", region.id())
                .bind("code", type.code())
                .bind("name", type.name())
                .bind("stream", type.fundingStream())
                .bind("urgency", type.defaultUrgency())
                .bind("crisis", (int) type.crisisResponse().toMinutes())
                .bind("planned", (int) type.plannedResponse().toMinutes())
                .bind("deadline", (int) type.admissionDeadline().toHours())
                .then());
        Flux<Void> municipalities = Flux.fromIterable(region.municipalities()).concatMap(municipality -> db.sql("""
                        INSERT INTO municipality (region_id, name, latitude, longitude, postcode_areas)
                        VALUES (:region, :name, :lat, :lon, :areas)
                        ON CONFLICT (region_id, name) DO UPDATE SET latitude = EXCLUDED.latitude,
                            longitude = EXCLUDED.longitude, postcode_areas = EXCLUDED.postcode_areas""")
                .bind("region", region.id())
                .bind("name", municipality.name())
                .bind("lat", municipality.latitude())
                .bind("lon", municipality.longitude())
                .bind("areas", municipality.postcodeAreas().toArray(String[]::new))
                .then());
        return upsertRegion.thenMany(careTypes).thenMany(municipalities).then();
    }
}
