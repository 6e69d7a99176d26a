package nl.adempauze.requestmatching.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.NightFigure;
import nl.adempauze.platform.persistence.SqlBinds;
import nl.adempauze.requestmatching.domain.Candidate;
import nl.adempauze.requestmatching.domain.LocationPlace;
import nl.adempauze.requestmatching.domain.LocationSummary;
import nl.adempauze.requestmatching.domain.OfferStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Matching's copy of bed-availability's locations and capacity, kept current from its events. Capacity figures
 * only move forward in version, so a late or replayed event cannot roll a figure back.
 */
@Repository
public class ReplicaRepository {

    private final DatabaseClient db;

    public ReplicaRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> saveLocation(LocationRegistered location) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO location_replica (id, region_id, provider_id, provider_name, name, street, postcode,
                                                      city, municipality, latitude, longitude, features, open, closed_reason)
                        VALUES (:id, :region, :providerId, :providerName, :name, :street, :postcode, :city,
                                :municipality, :lat, :lon, :features, :open, :closedReason)
                        ON CONFLICT (id) DO UPDATE SET region_id = EXCLUDED.region_id,
                            provider_id = EXCLUDED.provider_id, provider_name = EXCLUDED.provider_name,
                            name = EXCLUDED.name, street = EXCLUDED.street, postcode = EXCLUDED.postcode,
                            city = EXCLUDED.city, municipality = EXCLUDED.municipality, latitude = EXCLUDED.latitude,
                            longitude = EXCLUDED.longitude, features = EXCLUDED.features, open = EXCLUDED.open,
                            closed_reason = EXCLUDED.closed_reason""")
                .bind("id", location.locationId())
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
                .bind("open", location.open());
        spec = SqlBinds.nullable(spec, "closedReason", location.closedReason(), String.class);
        Mono<Void> contracts = db.sql("DELETE FROM location_contract_replica WHERE location_id = :id")
                .bind("id", location.locationId()).then()
                .thenMany(Flux.fromIterable(location.contracts()))
                .concatMap(contract -> saveContract(location.locationId(), contract))
                .then();
        return spec.then().then(contracts);
    }

    private Flux<Void> saveContract(String locationId, FunderContract contract) {
        return Flux.fromIterable(contract.careTypes()).concatMap(careType -> db.sql("""
                        INSERT INTO location_contract_replica (location_id, funder, care_type)
                        VALUES (:id, :funder, :careType) ON CONFLICT DO NOTHING""")
                .bind("id", locationId).bind("funder", contract.funder()).bind("careType", careType).then());
    }

    public Mono<Void> setOpen(String locationId, boolean open, String reason) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(
                        "UPDATE location_replica SET open = :open, closed_reason = :reason WHERE id = :id")
                .bind("id", locationId).bind("open", open);
        spec = SqlBinds.nullable(spec, "reason", reason, String.class);
        return spec.then();
    }

    /**
     * Takes over a location's free-now figure unless a newer one is already known. True when it may let a waiting
     * request be placed: a bed is available and there are more than before, or the figure is newly published (a
     * fresh figure may let a location in again); false after a hold took one, or when nothing changed.
     */
    public Mono<Boolean> saveCapacity(String locationId, String careType, String region, int availableBeds,
                                      long version, Instant publishedAt) {
        return db.sql("""
                        WITH before AS (SELECT available_beds, published_at FROM capacity_replica
                                        WHERE location_id = :location AND care_type = :careType)
                        INSERT INTO capacity_replica (location_id, care_type, region_id, available_beds, version, published_at)
                        VALUES (:location, :careType, :region, :available, :version, :publishedAt)
                        ON CONFLICT (location_id, care_type) DO UPDATE SET available_beds = EXCLUDED.available_beds,
                            version = EXCLUDED.version, published_at = EXCLUDED.published_at
                        WHERE capacity_replica.version < EXCLUDED.version
                        RETURNING (SELECT available_beds FROM before) AS beds_before,
                                  (SELECT published_at FROM before) AS published_before""")
                .bind("location", locationId).bind("careType", careType).bind("region", region)
                .bind("available", availableBeds).bind("version", version).bind("publishedAt", publishedAt)
                .map((row, meta) -> {
                    Integer bedsBefore = row.get("beds_before", Integer.class);
                    Instant publishedBefore = row.get("published_before", Instant.class);
                    return availableBeds > 0 && (bedsBefore == null || availableBeds > bedsBefore
                            || publishedBefore == null || publishedAt.isAfter(publishedBefore));
                })
                .one()
                .defaultIfEmpty(false);
    }

    /** Takes over bed-availability's figures of some nights of a location's calendar. */
    public Mono<Void> saveNights(String locationId, String careType, String region, List<NightFigure> nights) {
        return Flux.fromIterable(nights).concatMap(night -> db.sql("""
                        INSERT INTO night_capacity_replica (location_id, care_type, night, region_id, available_beds,
                                                            protected_beds, published_at)
                        VALUES (:location, :careType, :night, :region, :available, :protected, :publishedAt)
                        ON CONFLICT (location_id, care_type, night) DO UPDATE SET
                            available_beds = EXCLUDED.available_beds, protected_beds = EXCLUDED.protected_beds,
                            published_at = EXCLUDED.published_at""")
                .bind("location", locationId).bind("careType", careType).bind("night", night.night())
                .bind("region", region).bind("available", night.availableBeds())
                .bind("protected", night.protectedBeds()).bind("publishedAt", night.publishedAt())
                .then()).then();
    }

    /** One night of a location's calendar, as the replica knows it. */
    public record NightRow(String locationId, LocalDate night, int availableBeds, int protectedBeds,
                           Instant publishedAt) {
    }

    /** The calendar nights of a care type in a region between two nights (inclusive). */
    public Flux<NightRow> nights(String region, String careType, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT location_id, night, available_beds, protected_beds, published_at
                        FROM night_capacity_replica
                        WHERE region_id = :region AND care_type = :careType AND night BETWEEN :from AND :to""")
                .bind("region", region).bind("careType", careType).bind("from", from).bind("to", to)
                .map((row, meta) -> new NightRow(row.get(0, String.class), row.get(1, LocalDate.class),
                        row.get(2, Integer.class), row.get(3, Integer.class), row.get(4, Instant.class)))
                .all();
    }

    /**
     * Locations of the region with the care type on their calendar and a bed available on some night between
     * {@code from} and {@code to}, with contracts and recent acceptance; the nights themselves come from
     * {@link #nights}. Their available beds and publication time are filled in per stay by the caller.
     */
    public Flux<Candidate> calendarCandidates(String region, String careType, LocalDate from, LocalDate to,
                                              Instant acceptanceSince) {
        return db.sql("""
                        SELECT l.id, l.name, l.provider_id, l.municipality, l.latitude, l.longitude, l.features, l.open,
                               0 AS available_beds, now() AS published_at,
                               ARRAY(SELECT f.funder FROM location_contract_replica f
                                     WHERE f.location_id = l.id AND f.care_type = :careType) AS funders,
                               (SELECT count(*) FROM offer o WHERE o.location_id = l.id AND o.status = :accepted
                                  AND o.answered_at >= :since) AS accepted,
                               (SELECT count(*) FROM offer o WHERE o.location_id = l.id
                                  AND o.status = ANY(:answered)
                                  AND coalesce(o.answered_at, o.respond_by) >= :since) AS answered
                        FROM location_replica l
                        WHERE l.region_id = :region AND EXISTS (SELECT 1 FROM night_capacity_replica n
                            WHERE n.location_id = l.id AND n.care_type = :careType AND n.night BETWEEN :from AND :to
                              AND n.available_beds > 0)""")
                .bind("region", region).bind("careType", careType).bind("from", from).bind("to", to)
                .bind("since", acceptanceSince)
                .bind("accepted", OfferStatus.ACCEPTED.name())
                .bind("answered", Statuses.names(OfferStatus.ANSWERED))
                .map((row, meta) -> toCandidate(row))
                .all();
    }

    /**
     * Locations of the region that offer the care type with a free bed, with their contracts and recent acceptance.
     * Only the request's region is read, so other regions' size does not slow matching.
     */
    public Flux<Candidate> candidates(String region, String careType, Instant acceptanceSince) {
        return db.sql("""
                        SELECT l.id, l.name, l.provider_id, l.municipality, l.latitude, l.longitude, l.features, l.open,
                               c.available_beds, c.published_at,
                               ARRAY(SELECT f.funder FROM location_contract_replica f
                                     WHERE f.location_id = l.id AND f.care_type = c.care_type) AS funders,
                               (SELECT count(*) FROM offer o WHERE o.location_id = l.id AND o.status = :accepted
                                  AND o.answered_at >= :since) AS accepted,
                               (SELECT count(*) FROM offer o WHERE o.location_id = l.id
                                  AND o.status = ANY(:answered)
                                  AND coalesce(o.answered_at, o.respond_by) >= :since) AS answered
                        FROM capacity_replica c JOIN location_replica l ON l.id = c.location_id
                        WHERE c.region_id = :region AND c.care_type = :careType AND c.available_beds > 0""")
                .bind("region", region)
                .bind("careType", careType)
                .bind("since", acceptanceSince)
                .bind("accepted", OfferStatus.ACCEPTED.name())
                .bind("answered", Statuses.names(OfferStatus.ANSWERED))
                .map((row, meta) -> toCandidate(row))
                .all();
    }

    private static Candidate toCandidate(io.r2dbc.spi.Readable row) {
        return new Candidate(
                row.get("id", String.class),
                row.get("name", String.class),
                row.get("provider_id", String.class),
                row.get("municipality", String.class),
                row.get("latitude", Double.class),
                row.get("longitude", Double.class),
                Set.copyOf(Arrays.asList(row.get("features", String[].class))),
                Boolean.TRUE.equals(row.get("open", Boolean.class)),
                Set.copyOf(Arrays.asList(row.get("funders", String[].class))),
                row.get("available_beds", Integer.class),
                row.get("published_at", Instant.class),
                new Candidate.AcceptanceRecord(row.get("accepted", Long.class).intValue(),
                        row.get("answered", Long.class).intValue()));
    }

    public Mono<LocationSummary> location(String locationId) {
        return db.sql("""
                        SELECT id, name, provider_id, provider_name, street, postcode, city, municipality
                        FROM location_replica WHERE id = :id""")
                .bind("id", locationId)
                .map((row, meta) -> new LocationSummary(row.get("id", String.class), row.get("name", String.class),
                        row.get("provider_id", String.class), row.get("provider_name", String.class),
                        row.get("street", String.class), row.get("postcode", String.class),
                        row.get("city", String.class), row.get("municipality", String.class)))
                .one();
    }

    /** The ids of the region's locations. */
    public Flux<String> locationIds(String region) {
        return db.sql("SELECT id FROM location_replica WHERE region_id = :region ORDER BY id").bind("region", region)
                .map((row, meta) -> row.get(0, String.class)).all();
    }

    /** Whose a location is and where: what access to its offers depends on. */
    public Mono<LocationPlace> locationPlace(String locationId) {
        return db.sql("SELECT provider_id, region_id FROM location_replica WHERE id = :id")
                .bind("id", locationId)
                .map((row, meta) -> new LocationPlace(row.get("provider_id", String.class),
                        row.get("region_id", String.class)))
                .one();
    }
}
