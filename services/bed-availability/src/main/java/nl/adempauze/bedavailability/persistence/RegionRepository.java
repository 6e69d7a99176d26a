package nl.adempauze.bedavailability.persistence;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.adempauze.bedavailability.domain.ProtectionRule;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.bedavailability.domain.RegionSummary;
import nl.adempauze.contracts.events.TriageTable;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class RegionRepository {

    private static final String CARE_TYPE_COLUMNS = """
            code, name, funding_stream, default_urgency, crisis_response_minutes, planned_response_minutes,
            admission_deadline_hours, planned_booking, min_stay_nights, max_stay_nights, protected_beds,
            protected_share, release_horizon_hours""";

    private static final TypeReference<List<Region.Neighbour>> NEIGHBOURS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    public RegionRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Takes the lock on seeding the region, waiting while another instance holds it, until the transaction ends (a
     * transaction-scoped advisory lock, in a key space of its own).
     */
    public Mono<Void> lockSeeding(String regionId) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtext('adempauze-seed'), hashtext(:region))")
                .bind("region", regionId)
                .then();
    }

    public Mono<Region> find(String regionId) {
        Mono<List<Region.CareType>> careTypes = db.sql("SELECT " + CARE_TYPE_COLUMNS
                        + " FROM care_type WHERE region_id = :id ORDER BY code")
                .bind("id", regionId)
                .map(RegionRepository::toCareType)
                .all().collectList();
        Mono<List<Region.Municipality>> municipalities = db.sql("""
                        SELECT name, latitude, longitude, postcode_areas FROM municipality
                        WHERE region_id = :id ORDER BY name""")
                .bind("id", regionId)
                .map((row, meta) -> new Region.Municipality(row.get("name", String.class),
                        row.get("latitude", Double.class), row.get("longitude", Double.class),
                        List.of(row.get("postcode_areas", String[].class))))
                .all().collectList();
        Mono<List<Region.Funder>> funders = db.sql("""
                        SELECT id, name, funding_stream, municipality FROM funder WHERE region_id = :id ORDER BY id""")
                .bind("id", regionId)
                .map((row, meta) -> new Region.Funder(row.get("id", String.class), row.get("name", String.class),
                        row.get("funding_stream", String.class), row.get("municipality", String.class)))
                .all().collectList();
        return db.sql("SELECT id, name, freshness_window_minutes, neighbours, triage FROM region WHERE id = :id")
                .bind("id", regionId)
                .map((row, meta) -> new RegionRow(row.get("id", String.class), row.get("name", String.class),
                        row.get("freshness_window_minutes", Integer.class),
                        json.readValue(row.get("neighbours", String.class), NEIGHBOURS),
                        Optional.ofNullable(row.get("triage", String.class))
                                .map(text -> json.readValue(text, TriageTable.class)).orElse(null)))
                .one()
                .zipWith(Mono.zip(careTypes, municipalities, funders), (r, lists) -> new Region(r.id(), r.name(),
                        Duration.ofMinutes(r.freshnessWindowMinutes()), lists.getT1(), lists.getT2(), lists.getT3(),
                        r.neighbours(), r.triage()));
    }

    private record RegionRow(String id, String name, int freshnessWindowMinutes, List<Region.Neighbour> neighbours,
                             TriageTable triage) {
    }

    /** Every region on this installation, by name: where the coordination points are. */
    public Flux<RegionSummary> summaries() {
        return db.sql("SELECT id, name FROM region ORDER BY name")
                .map((row, meta) -> new RegionSummary(row.get("id", String.class), row.get("name", String.class)))
                .all();
    }

    /** One care type of a region's catalogue; empty when the region does not have it. */
    public Mono<Region.CareType> careType(String regionId, String code) {
        return db.sql("SELECT " + CARE_TYPE_COLUMNS + " FROM care_type WHERE region_id = :id AND code = :code")
                .bind("id", regionId)
                .bind("code", code)
                .map(RegionRepository::toCareType)
                .one();
    }

    public Mono<Void> save(Region region) {
        Mono<Void> upsertRegion = SqlBinds.nullable(db.sql("""
                        INSERT INTO region (id, name, freshness_window_minutes, neighbours, triage)
                        VALUES (:id, :name, :window, :neighbours, :triage)
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name,
                            freshness_window_minutes = EXCLUDED.freshness_window_minutes,
                            neighbours = EXCLUDED.neighbours, triage = EXCLUDED.triage""")
                .bind("id", region.id())
                .bind("name", region.name())
                .bind("window", (int) region.freshnessWindow().toMinutes())
                .bind("neighbours", json.writeValueAsString(region.neighbours())), "triage",
                        region.triage() == null ? null : json.writeValueAsString(region.triage()), String.class)
                .then();
        Flux<Void> careTypes = Flux.fromIterable(region.careTypes()).concatMap(type -> saveCareType(region, type));
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
        Flux<Void> funders = Flux.fromIterable(region.funders()).concatMap(funder -> {
            DatabaseClient.GenericExecuteSpec spec = db.sql("""
                            INSERT INTO funder (region_id, id, name, funding_stream, municipality)
                            VALUES (:region, :id, :name, :stream, :municipality)
                            ON CONFLICT (region_id, id) DO UPDATE SET name = EXCLUDED.name,
                                funding_stream = EXCLUDED.funding_stream, municipality = EXCLUDED.municipality""")
                    .bind("region", region.id())
                    .bind("id", funder.id())
                    .bind("name", funder.name())
                    .bind("stream", funder.fundingStream());
            return SqlBinds.nullable(spec, "municipality", funder.municipality(), String.class).then();
        });
        return upsertRegion.thenMany(careTypes).thenMany(municipalities).thenMany(funders).then();
    }

    private Mono<Void> saveCareType(Region region, Region.CareType type) {
        ProtectionRule protection = type.protection();
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO care_type (region_id, code, name, funding_stream, default_urgency,
                                               crisis_response_minutes, planned_response_minutes, admission_deadline_hours,
                                               planned_booking, min_stay_nights, max_stay_nights, protected_beds,
                                               protected_share, release_horizon_hours)
                        VALUES (:region, :code, :name, :stream, :urgency, :crisis, :planned, :deadline,
                                :plannedBooking, :minStay, :maxStay, :protectedBeds, :protectedShare, :horizon)
                        ON CONFLICT (region_id, code) DO UPDATE SET name = EXCLUDED.name,
                            funding_stream = EXCLUDED.funding_stream, default_urgency = EXCLUDED.default_urgency,
                            crisis_response_minutes = EXCLUDED.crisis_response_minutes,
                            planned_response_minutes = EXCLUDED.planned_response_minutes,
                            admission_deadline_hours = EXCLUDED.admission_deadline_hours,
                            planned_booking = EXCLUDED.planned_booking, min_stay_nights = EXCLUDED.min_stay_nights,
                            max_stay_nights = EXCLUDED.max_stay_nights, protected_beds = EXCLUDED.protected_beds,
                            protected_share = EXCLUDED.protected_share,
                            release_horizon_hours = EXCLUDED.release_horizon_hours""")
                .bind("region", region.id())
                .bind("code", type.code())
                .bind("name", type.name())
                .bind("stream", type.fundingStream())
                .bind("urgency", type.defaultUrgency())
                .bind("crisis", (int) type.crisisResponse().toMinutes())
                .bind("planned", (int) type.plannedResponse().toMinutes())
                .bind("deadline", (int) type.admissionDeadline().toHours())
                .bind("plannedBooking", type.plannedBooking())
                .bind("minStay", type.minStayNights())
                .bind("maxStay", type.maxStayNights());
        spec = SqlBinds.nullable(spec, "protectedBeds", protection == null ? null : protection.protectedBeds(),
                Integer.class);
        spec = SqlBinds.nullable(spec, "protectedShare", protection == null ? null : protection.protectedShare(),
                Double.class);
        spec = SqlBinds.nullable(spec, "horizon",
                protection == null ? null : (int) protection.releaseHorizon().toHours(), Integer.class);
        return spec.then();
    }

    private static Region.CareType toCareType(Readable row) {
        Integer horizon = row.get("release_horizon_hours", Integer.class);
        ProtectionRule protection = horizon == null ? null : new ProtectionRule(
                row.get("protected_beds", Integer.class), row.get("protected_share", Double.class),
                Duration.ofHours(horizon));
        return new Region.CareType(row.get("code", String.class), row.get("name", String.class),
                row.get("funding_stream", String.class), row.get("default_urgency", String.class),
                Duration.ofMinutes(row.get("crisis_response_minutes", Integer.class)),
                Duration.ofMinutes(row.get("planned_response_minutes", Integer.class)),
                Duration.ofHours(row.get("admission_deadline_hours", Integer.class)),
                Boolean.TRUE.equals(row.get("planned_booking", Boolean.class)),
                row.get("min_stay_nights", Integer.class), row.get("max_stay_nights", Integer.class), protection);
    }
}
