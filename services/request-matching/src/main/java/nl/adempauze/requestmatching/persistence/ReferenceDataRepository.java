package nl.adempauze.requestmatching.persistence;

import java.time.Duration;
import java.util.List;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.contracts.events.TriageTable;
import nl.adempauze.platform.persistence.RecentlyRead;
import nl.adempauze.platform.persistence.SqlBinds;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A region's configuration as announced by bed-availability: freshness window, care-type rules (deadlines, stay
 * length, planned booking, protection), municipalities with postcode areas, funders, neighbours and triage table.
 */
@Repository
public class ReferenceDataRepository {

    /** Coordinates of a place of residence, resolved from a postcode area or a municipality. */
    public record Residence(String municipality, double latitude, double longitude) {
    }

    private static final TypeReference<List<RegionConfigured.NeighbourDefinition>> NEIGHBOURS =
            new TypeReference<>() {
            };

    private final DatabaseClient db;
    private final JsonMapper json;
    // read on every request and offer; changed only by a RegionConfigured event (which clears them)
    private final RecentlyRead<String, Duration> freshnessWindows;
    private final RecentlyRead<List<String>, CareTypeRule> careTypes;
    private final RecentlyRead<String, List<RegionConfigured.NeighbourDefinition>> neighbours;
    private final RecentlyRead<List<String>, Residence> residences;
    private final RecentlyRead<String, List<String>> offeredToBy;

    public ReferenceDataRepository(DatabaseClient db, JsonMapper json,
                                   @Value("${adempauze.matching.reference-data-kept-for:PT10S}") Duration keptFor) {
        this.db = db;
        this.json = json;
        this.freshnessWindows = new RecentlyRead<>(keptFor, 1_000);
        this.careTypes = new RecentlyRead<>(keptFor, 10_000);
        this.neighbours = new RecentlyRead<>(keptFor, 1_000);
        this.residences = new RecentlyRead<>(keptFor, 100_000);
        this.offeredToBy = new RecentlyRead<>(keptFor, 1_000);
    }

    /** The region's triage table; empty when the region has none (or is unknown). */
    public Mono<TriageTable> triageTable(String region) {
        return db.sql("SELECT triage FROM region WHERE id = :id AND triage IS NOT NULL").bind("id", region)
                .map((row, meta) -> json.readValue(row.get(0, String.class), TriageTable.class)).one();
    }

    /** The region's neighbour regions, as its configuration names them; none when the region is unknown. */
    public Mono<List<RegionConfigured.NeighbourDefinition>> neighbours(String region) {
        return neighbours.get(region, () -> db.sql("SELECT neighbours FROM region WHERE id = :id").bind("id", region)
                .map((row, meta) -> json.readValue(row.get(0, String.class), NEIGHBOURS)).one())
                .defaultIfEmpty(List.of());
    }

    /** The regions that let {@code neighbour}'s locations be offered when they have no candidate themselves. */
    public Flux<String> offeredToBy(String neighbour) {
        return offeredToBy.get(neighbour, () -> db.sql("""
                        SELECT id FROM region WHERE neighbours::jsonb @> jsonb_build_array(
                            jsonb_build_object('region', CAST(:neighbour AS text), 'offerWhenFull', true))
                        ORDER BY id""")
                .bind("neighbour", neighbour)
                .map((row, meta) -> row.get(0, String.class)).all().collectList())
                .flatMapMany(Flux::fromIterable);
    }

    public Mono<Duration> freshnessWindow(String region) {
        return freshnessWindows.get(region, () -> db.sql("SELECT freshness_window_minutes FROM region WHERE id = :id")
                .bind("id", region)
                .map((row, meta) -> Duration.ofMinutes(row.get(0, Integer.class))).one());
    }

    public Mono<CareTypeRule> careType(String region, String code) {
        return careTypes.get(List.of(region, code), () -> db.sql(CARE_TYPE_RULES + " AND code = :code")
                .bind("region", region)
                .bind("code", code)
                .map((row, meta) -> careTypeRule(row))
                .one());
    }

    /** Every care type of the region, by code (read afresh: a what-if's today, not on the matching path). */
    public Flux<CareTypeRule> careTypes(String region) {
        return db.sql(CARE_TYPE_RULES + " ORDER BY code").bind("region", region)
                .map((row, meta) -> careTypeRule(row)).all();
    }

    private static final String CARE_TYPE_RULES = """
            SELECT region_id, code, name, funding_stream, crisis_response_minutes, planned_response_minutes,
                   admission_deadline_hours, planned_booking, min_stay_nights, max_stay_nights,
                   protected_beds, protected_share, release_horizon_hours
            FROM care_type_rule WHERE region_id = :region""";

    private static CareTypeRule careTypeRule(io.r2dbc.spi.Row row) {
        return new CareTypeRule(row.get("region_id", String.class), row.get("code", String.class),
                row.get("name", String.class), row.get("funding_stream", String.class),
                Duration.ofMinutes(row.get("crisis_response_minutes", Integer.class)),
                Duration.ofMinutes(row.get("planned_response_minutes", Integer.class)),
                Duration.ofHours(row.get("admission_deadline_hours", Integer.class)),
                Boolean.TRUE.equals(row.get("planned_booking", Boolean.class)),
                row.get("min_stay_nights", Integer.class), row.get("max_stay_nights", Integer.class),
                protection(row.get("protected_beds", Integer.class), row.get("protected_share", Double.class),
                        row.get("release_horizon_hours", Integer.class)));
    }

    private static CareTypeRule.Protection protection(Integer beds, Double share, Integer horizonHours) {
        return horizonHours == null ? null : new CareTypeRule.Protection(beds, share, Duration.ofHours(horizonHours));
    }

    /** The funder of a municipality's residents' Wmo stays: the municipality itself. */
    public Mono<String> municipalFunder(String region, String municipality) {
        return db.sql("""
                        SELECT id FROM funder WHERE region_id = :region AND funding_stream = 'WMO'
                          AND lower(municipality) = lower(:municipality) ORDER BY id LIMIT 1""")
                .bind("region", region).bind("municipality", municipality)
                .map((row, meta) -> row.get(0, String.class)).one();
    }

    public Mono<Residence> byPostcode(String region, String pc4) {
        return residences.get(List.of("pc4", region, pc4), () -> db.sql("""
                        SELECT m.name, m.latitude, m.longitude FROM postcode_area p
                        JOIN municipality m ON m.region_id = p.region_id AND m.name = p.municipality
                        WHERE p.pc4 = :pc4 AND p.region_id = :region""")
                .bind("pc4", pc4)
                .bind("region", region)
                .map((row, meta) -> new Residence(row.get(0, String.class), row.get(1, Double.class),
                        row.get(2, Double.class)))
                .one());
    }

    public Mono<Residence> byMunicipality(String region, String name) {
        return residences.get(List.of("municipality", region, name.toLowerCase(java.util.Locale.ROOT)), () -> db.sql("""
                        SELECT name, latitude, longitude FROM municipality
                        WHERE region_id = :region AND lower(name) = lower(:name)""")
                .bind("region", region)
                .bind("name", name)
                .map((row, meta) -> new Residence(row.get(0, String.class), row.get(1, Double.class),
                        row.get(2, Double.class)))
                .one());
    }

    /** Takes over a region's configuration as bed-availability announced it. */
    public Mono<Void> save(RegionConfigured region) {
        Mono<Void> upsertRegion = SqlBinds.nullable(db.sql("""
                        INSERT INTO region (id, name, freshness_window_minutes, neighbours, triage)
                        VALUES (:id, :name, :window, :neighbours, :triage)
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name,
                            freshness_window_minutes = EXCLUDED.freshness_window_minutes,
                            neighbours = EXCLUDED.neighbours, triage = EXCLUDED.triage""")
                .bind("id", region.region()).bind("name", region.name())
                .bind("window", region.freshnessWindowMinutes())
                .bind("neighbours", json.writeValueAsString(region.neighbours())), "triage",
                        region.triage() == null ? null : json.writeValueAsString(region.triage()), String.class)
                .then();
        Flux<Void> careTypeRules = Flux.fromIterable(region.careTypes()).concatMap(type -> {
            RegionConfigured.ProtectionRule protection = type.protection();
            DatabaseClient.GenericExecuteSpec spec = db.sql("""
                            INSERT INTO care_type_rule (region_id, code, name, funding_stream, crisis_response_minutes,
                                                        planned_response_minutes, admission_deadline_hours,
                                                        planned_booking, min_stay_nights, max_stay_nights,
                                                        protected_beds, protected_share, release_horizon_hours)
                            VALUES (:region, :code, :name, :stream, :crisis, :planned, :deadline, :plannedBooking,
                                    :minStay, :maxStay, :protectedBeds, :protectedShare, :horizon)
                            ON CONFLICT (region_id, code) DO UPDATE SET name = EXCLUDED.name,
                                funding_stream = EXCLUDED.funding_stream,
                                crisis_response_minutes = EXCLUDED.crisis_response_minutes,
                                planned_response_minutes = EXCLUDED.planned_response_minutes,
                                admission_deadline_hours = EXCLUDED.admission_deadline_hours,
                                planned_booking = EXCLUDED.planned_booking,
                                min_stay_nights = EXCLUDED.min_stay_nights, max_stay_nights = EXCLUDED.max_stay_nights,
                                protected_beds = EXCLUDED.protected_beds, protected_share = EXCLUDED.protected_share,
                                release_horizon_hours = EXCLUDED.release_horizon_hours""")
                    .bind("region", region.region()).bind("code", type.code()).bind("name", type.name())
                    .bind("stream", type.fundingStream()).bind("crisis", type.crisisResponseMinutes())
                    .bind("planned", type.plannedResponseMinutes()).bind("deadline", type.admissionDeadlineHours())
                    .bind("plannedBooking", type.plannedBooking()).bind("minStay", type.minStayNights())
                    .bind("maxStay", type.maxStayNights());
            spec = SqlBinds.nullable(spec, "protectedBeds", protection == null ? null : protection.protectedBeds(),
                    Integer.class);
            spec = SqlBinds.nullable(spec, "protectedShare", protection == null ? null : protection.protectedShare(),
                    Double.class);
            spec = SqlBinds.nullable(spec, "horizon", protection == null ? null : protection.releaseHorizonHours(),
                    Integer.class);
            return spec.then();
        });
        Flux<Void> funders = Flux.fromIterable(region.funders()).concatMap(funder -> SqlBinds.nullable(db.sql("""
                                INSERT INTO funder (region_id, id, name, funding_stream, municipality)
                                VALUES (:region, :id, :name, :stream, :municipality)
                                ON CONFLICT (region_id, id) DO UPDATE SET name = EXCLUDED.name,
                                    funding_stream = EXCLUDED.funding_stream, municipality = EXCLUDED.municipality""")
                        .bind("region", region.region()).bind("id", funder.id()).bind("name", funder.name())
                        .bind("stream", funder.fundingStream()), "municipality", funder.municipality(), String.class)
                .then());
        Flux<Void> municipalities = Flux.fromIterable(region.municipalities()).concatMap(municipality -> db.sql("""
                        INSERT INTO municipality (region_id, name, latitude, longitude) VALUES (:region, :name, :lat, :lon)
                        ON CONFLICT (region_id, name) DO UPDATE SET latitude = EXCLUDED.latitude,
                            longitude = EXCLUDED.longitude""")
                .bind("region", region.region()).bind("name", municipality.name())
                .bind("lat", municipality.latitude()).bind("lon", municipality.longitude())
                .then()
                .thenMany(Flux.fromIterable(municipality.postcodeAreas()))
                .concatMap(pc4 -> db.sql("""
                                INSERT INTO postcode_area (pc4, region_id, municipality) VALUES (:pc4, :region, :name)
                                ON CONFLICT (pc4) DO UPDATE SET region_id = EXCLUDED.region_id,
                                    municipality = EXCLUDED.municipality""")
                        .bind("pc4", pc4).bind("region", region.region()).bind("name", municipality.name()).then()));
        return upsertRegion.thenMany(careTypeRules).thenMany(municipalities).thenMany(funders).then(forgetRead());
    }

    private Mono<Void> forgetRead() {
        return freshnessWindows.forget().then(careTypes.forget()).then(neighbours.forget()).then(residences.forget())
                .then(offeredToBy.forget());
    }
}
