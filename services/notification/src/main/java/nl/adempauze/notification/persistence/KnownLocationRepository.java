package nl.adempauze.notification.persistence;

import java.time.Instant;
import nl.adempauze.notification.domain.KnownLocation;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The locations' names and addresses ({@code known_location}), as the latest registration says. */
@Repository
public class KnownLocationRepository {

    private final DatabaseClient db;

    public KnownLocationRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> remember(KnownLocation location, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO known_location (location_id, name, street, postcode, city, updated_at)
                        VALUES (:id, :name, :street, :postcode, :city, :now)
                        ON CONFLICT (location_id) DO UPDATE SET name = EXCLUDED.name, street = EXCLUDED.street,
                            postcode = EXCLUDED.postcode, city = EXCLUDED.city, updated_at = EXCLUDED.updated_at""")
                .bind("id", location.locationId())
                .bind("name", location.name() == null ? location.locationId() : location.name())
                .bind("now", Sql.timestamp(now));
        spec = SqlBinds.nullable(spec, "street", location.street(), String.class);
        spec = SqlBinds.nullable(spec, "postcode", location.postcode(), String.class);
        spec = SqlBinds.nullable(spec, "city", location.city(), String.class);
        return spec.then();
    }

    public Mono<KnownLocation> find(String locationId) {
        return db.sql("SELECT location_id, name, street, postcode, city FROM known_location WHERE location_id = :id")
                .bind("id", locationId)
                .map(row -> new KnownLocation(row.get("location_id", String.class), row.get("name", String.class),
                        row.get("street", String.class), row.get("postcode", String.class),
                        row.get("city", String.class)))
                .one();
    }
}
