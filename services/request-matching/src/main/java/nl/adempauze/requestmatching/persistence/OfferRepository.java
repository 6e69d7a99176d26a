package nl.adempauze.requestmatching.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import nl.adempauze.platform.persistence.SqlBinds;
import nl.adempauze.requestmatching.domain.Offer;
import nl.adempauze.requestmatching.domain.OfferStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class OfferRepository {

    private static final String COLUMNS = """
            id, request_id, region_id, location_id, provider_id, care_type, rank, explanation, status, reason,
            respond_by, created_at, offered_at, answered_at, first_night, nights, protected_nights_released,
            protected_nights_overridden, decline_code""";

    private final DatabaseClient db;

    public OfferRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Offer offer) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO offer (id, request_id, region_id, location_id, provider_id, care_type, rank,
                                           explanation, status, created_at, first_night, nights)
                        VALUES (:id, :request, :region, :location, :provider, :careType, :rank, :explanation, :status,
                                :createdAt, :firstNight, :nights)""")
                .bind("id", offer.id()).bind("request", offer.requestId()).bind("region", offer.region())
                .bind("location", offer.locationId()).bind("provider", offer.providerId())
                .bind("careType", offer.careType()).bind("rank", offer.rank())
                .bind("explanation", offer.explanation()).bind("status", offer.status().name())
                .bind("createdAt", offer.createdAt());
        spec = SqlBinds.nullable(spec, "firstNight", offer.firstNight(), LocalDate.class);
        spec = SqlBinds.nullable(spec, "nights", offer.nights(), Integer.class);
        return spec.then();
    }

    /** Records how many protected nights bed-availability let a crisis stay take, by release and by override. */
    public Mono<Void> protectedNightsTaken(String id, int released, int overridden) {
        return db.sql("""
                        UPDATE offer SET protected_nights_released = :released,
                            protected_nights_overridden = :overridden WHERE id = :id""")
                .bind("id", id).bind("released", released).bind("overridden", overridden).then();
    }

    public Mono<Void> declineCode(String id, String code) {
        return db.sql("UPDATE offer SET decline_code = :code WHERE id = :id").bind("id", id).bind("code", code).then();
    }

    /**
     * Locations not to offer again for a request: those whose provider declined or let the offer expire, and those
     * tried in the current round (a refused hold since {@code roundStartedAt}); an earlier refusal may be out of date.
     */
    public Flux<String> triedLocations(String requestId, Instant roundStartedAt) {
        return db.sql("""
                        SELECT DISTINCT location_id FROM offer WHERE request_id = :id
                          AND (status IN ('DECLINED', 'EXPIRED', 'OPEN', 'ACCEPTED') OR created_at >= :round)""")
                .bind("id", requestId).bind("round", roundStartedAt)
                .map((row, meta) -> row.get(0, String.class)).all();
    }

    public Mono<Offer> find(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM offer WHERE id = :id").bind("id", id).map(OfferRepository::toOffer).one();
    }

    /** Moves the offer from one of {@code from} to {@code next}; empty when it was in another status. */
    public Mono<Offer> transition(String id, Collection<OfferStatus> from, OfferStatus next, String reason,
                                  Instant respondBy, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        UPDATE offer SET status = :next, reason = coalesce(:reason, reason),
                            respond_by = coalesce(:respondBy, respond_by),
                            offered_at = CASE WHEN :next = 'OPEN' THEN :at ELSE offered_at END,
                            answered_at = CASE WHEN :next IN ('ACCEPTED', 'DECLINED', 'EXPIRED') THEN :at
                                               ELSE answered_at END
                        WHERE id = :id AND status = ANY(:from)""" + " RETURNING " + COLUMNS)
                .bind("id", id).bind("next", next.name()).bind("at", at)
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new));
        spec = SqlBinds.nullable(spec, "reason", reason, String.class);
        spec = SqlBinds.nullable(spec, "respondBy", respondBy, Instant.class);
        return spec.map(OfferRepository::toOffer).one();
    }

    public Flux<Offer> ofRequest(String requestId) {
        return db.sql("SELECT " + COLUMNS + " FROM offer WHERE request_id = :id ORDER BY created_at")
                .bind("id", requestId).map(OfferRepository::toOffer).all();
    }

    public Flux<Offer> ofLocation(String locationId, Set<OfferStatus> statuses) {
        return db.sql("SELECT " + COLUMNS + " FROM offer WHERE location_id = :id AND status = ANY(:statuses) "
                        + "ORDER BY created_at DESC LIMIT 200")
                .bind("id", locationId)
                .bind("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .map(OfferRepository::toOffer).all();
    }

    /** Open offers past their deadline; expiring one re-checks its status, so two instances never both expire it. */
    public Flux<Offer> dueForExpiry(Instant now, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM offer WHERE status = 'OPEN' AND respond_by < :now "
                        + "ORDER BY respond_by LIMIT :limit")
                .bind("now", now).bind("limit", limit).map(OfferRepository::toOffer).all();
    }

    /** Offers whose hold request bed-availability has not answered since {@code before}. */
    public Flux<Offer> holdNotAnsweredSince(Instant before, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM offer WHERE status = 'HOLD_REQUESTED' AND created_at < :before "
                        + "ORDER BY created_at LIMIT :limit")
                .bind("before", before).bind("limit", limit).map(OfferRepository::toOffer).all();
    }

    private static Offer toOffer(Readable row) {
        return new Offer(
                row.get("id", String.class),
                row.get("request_id", String.class),
                row.get("region_id", String.class),
                row.get("location_id", String.class),
                row.get("provider_id", String.class),
                row.get("care_type", String.class),
                row.get("rank", Integer.class),
                row.get("explanation", String.class),
                OfferStatus.valueOf(row.get("status", String.class)),
                row.get("reason", String.class),
                row.get("respond_by", Instant.class),
                row.get("created_at", Instant.class),
                row.get("offered_at", Instant.class),
                row.get("answered_at", Instant.class),
                row.get("first_night", LocalDate.class),
                row.get("nights", Integer.class),
                row.get("protected_nights_released", Integer.class),
                row.get("protected_nights_overridden", Integer.class),
                row.get("decline_code", String.class));
    }
}
