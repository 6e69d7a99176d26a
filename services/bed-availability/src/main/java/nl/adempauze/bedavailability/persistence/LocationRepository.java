package nl.adempauze.bedavailability.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class LocationRepository {

    private static final String COLUMNS = """
            id, region_id, provider_id, provider_name, name, street, postcode, city, municipality, latitude,
            longitude, features, open, closed_reason, updated_at""";

    private final DatabaseClient db;

    public LocationRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Location> find(String locationId) {
        return db.sql("SELECT " + COLUMNS + " FROM location WHERE id = :id")
                .bind("id", locationId)
                .map(LocationRepository::toLocation)
                .one();
    }

    public Flux<Location> inRegion(String regionId) {
        return db.sql("SELECT " + COLUMNS + " FROM location WHERE region_id = :region ORDER BY name")
                .bind("region", regionId)
                .map(LocationRepository::toLocation)
                .all();
    }

    public Mono<Void> save(Location location) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO location (id, region_id, provider_id, provider_name, name, street, postcode, city,
                                              municipality, latitude, longitude, features, open, closed_reason, updated_at)
                        VALUES (:id, :region, :providerId, :providerName, :name, :street, :postcode, :city,
                                :municipality, :lat, :lon, :features, :open, :closedReason, :updatedAt)
                        ON CONFLICT (id) DO UPDATE SET region_id = EXCLUDED.region_id,
                            provider_id = EXCLUDED.provider_id, provider_name = EXCLUDED.provider_name,
                            name = EXCLUDED.name, street = EXCLUDED.street, postcode = EXCLUDED.postcode,
                            city = EXCLUDED.city, municipality = EXCLUDED.municipality, latitude = EXCLUDED.latitude,
                            longitude = EXCLUDED.longitude, features = EXCLUDED.features, open = EXCLUDED.open,
                            closed_reason = EXCLUDED.closed_reason, updated_at = EXCLUDED.updated_at""")
                .bind("id", location.id())
                .bind("region", location.region())
                .bind("providerId", location.providerId())
                .bind("providerName", location.providerName())
                .bind("name", location.name())
                .bind("street", location.address().street())
                .bind("postcode", location.address().postcode())
                .bind("city", location.address().city())
                .bind("municipality", location.municipality())
                .bind("lat", location.latitude())
                .bind("lon", location.longitude())
                .bind("features", location.features().toArray(String[]::new))
                .bind("open", location.open())
                .bind("updatedAt", location.updatedAt());
        spec = SqlBinds.nullable(spec, "closedReason", location.closedReason(), String.class);
        return spec.then();
    }

    public Mono<Void> setStatus(String locationId, boolean open, String reason, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(
                        "UPDATE location SET open = :open, closed_reason = :reason, updated_at = :at WHERE id = :id")
                .bind("id", locationId)
                .bind("open", open)
                .bind("at", at);
        spec = SqlBinds.nullable(spec, "reason", reason, String.class);
        return spec.then();
    }

    /** The care types the location keeps beds of, free now or per night. */
    public Mono<List<String>> careTypes(String locationId) {
        return db.sql("""
                        SELECT care_type FROM capacity WHERE location_id = :id
                        UNION SELECT DISTINCT care_type FROM night_capacity WHERE location_id = :id
                        ORDER BY care_type""")
                .bind("id", locationId)
                .map(row -> row.get("care_type", String.class))
                .all().collectList();
    }

    public Mono<Void> replaceContracts(String locationId, List<FunderContract> contracts) {
        Mono<Void> clear = db.sql("DELETE FROM funder_contract WHERE location_id = :id").bind("id", locationId).then();
        return clear.thenMany(Flux.fromIterable(contracts)
                        .concatMap(contract -> Flux.fromIterable(contract.careTypes())
                                .concatMap(careType -> db.sql("""
                                                INSERT INTO funder_contract (location_id, funder, care_type)
                                                VALUES (:id, :funder, :careType) ON CONFLICT DO NOTHING""")
                                        .bind("id", locationId)
                                        .bind("funder", contract.funder())
                                        .bind("careType", careType)
                                        .then())))
                .then();
    }

    public Mono<List<FunderContract>> contracts(String locationId) {
        return db.sql("SELECT funder, care_type FROM funder_contract WHERE location_id = :id ORDER BY funder, care_type")
                .bind("id", locationId)
                .map((row, meta) -> new String[] {row.get("funder", String.class), row.get("care_type", String.class)})
                .all()
                .collectMultimap(pair -> pair[0], pair -> pair[1])
                .map(byFunder -> byFunder.entrySet().stream()
                        .sorted(java.util.Map.Entry.comparingByKey())
                        .map(entry -> new FunderContract(entry.getKey(), List.copyOf(entry.getValue())))
                        .toList());
    }

    private static Location toLocation(Readable row) {
        String[] features = row.get("features", String[].class);
        return new Location(
                row.get("id", String.class),
                row.get("region_id", String.class),
                row.get("provider_id", String.class),
                row.get("provider_name", String.class),
                row.get("name", String.class),
                new Address(row.get("street", String.class), row.get("postcode", String.class),
                        row.get("city", String.class)),
                row.get("municipality", String.class),
                row.get("latitude", Double.class),
                row.get("longitude", Double.class),
                features == null ? List.of() : List.of(features),
                Boolean.TRUE.equals(row.get("open", Boolean.class)),
                row.get("closed_reason", String.class),
                row.get("updated_at", Instant.class));
    }
}
