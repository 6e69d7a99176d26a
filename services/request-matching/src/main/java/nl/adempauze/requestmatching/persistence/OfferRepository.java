package nl.adempauze.requestmatching.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import nl.adempauze.platform.persistence.SqlBinds;
import nl.adempauze.requestmatching.domain.Offer;
import nl.adempauze.requestmatching.domain.OfferCommand;
import nl.adempauze.requestmatching.domain.OfferStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The offers, as aggregates: stored when a hold is requested, read by id, request or location, saved on change. */
@Repository
public class OfferRepository {

    private static final String COLUMNS = """
            id, request_id, region_id, location_id, provider_id, care_type, rank, explanation, status, reason,
            respond_by, created_at, offered_at, answered_at, first_night, nights, protected_nights_released,
            protected_nights_overridden, decline_code, location_region""";

    private final DatabaseClient db;

    public OfferRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Offer offer) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO offer (id, request_id, region_id, location_id, provider_id, care_type, rank,
                                           explanation, status, created_at, first_night, nights, location_region)
                        VALUES (:id, :request, :region, :location, :provider, :careType, :rank, :explanation, :status,
                                :createdAt, :firstNight, :nights, :locationRegion)""")
                .bind("id", offer.id()).bind("request", offer.requestId()).bind("region", offer.region())
                .bind("location", offer.locationId()).bind("provider", offer.providerId())
                .bind("careType", offer.careType()).bind("rank", offer.rank())
                .bind("explanation", offer.explanation()).bind("status", offer.status().name())
                .bind("createdAt", offer.createdAt());
        spec = SqlBinds.nullable(spec, "firstNight", offer.firstNight(), LocalDate.class);
        spec = SqlBinds.nullable(spec, "nights", offer.nights(), Integer.class);
        spec = SqlBinds.nullable(spec, "locationRegion", offer.locationRegion(), String.class);
        return spec.then();
    }

    /**
     * Stores what one of the offer's methods changed, provided the row is still in {@code expected}, the status the
     * change was made from; fails otherwise (the caller holds the request's lock, so that means a bug, not a race).
     */
    public Mono<Void> save(Offer offer, OfferStatus expected) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        UPDATE offer SET status = :status, reason = :reason, respond_by = :respondBy,
                            offered_at = :offeredAt, answered_at = :answeredAt,
                            protected_nights_released = :released, protected_nights_overridden = :overridden,
                            decline_code = :declineCode
                        WHERE id = :id AND status = :wasStatus""")
                .bind("id", offer.id())
                .bind("status", offer.status().name())
                .bind("wasStatus", expected.name())
                .bind("released", offer.protectedNightsReleased())
                .bind("overridden", offer.protectedNightsOverridden());
        spec = SqlBinds.nullable(spec, "reason", offer.reason(), String.class);
        spec = SqlBinds.nullable(spec, "respondBy", offer.respondBy(), Instant.class);
        spec = SqlBinds.nullable(spec, "offeredAt", offer.offeredAt(), Instant.class);
        spec = SqlBinds.nullable(spec, "answeredAt", offer.answeredAt(), Instant.class);
        spec = SqlBinds.nullable(spec, "declineCode", offer.declineCode(), String.class);
        return spec.fetch().rowsUpdated().flatMap(updated -> updated == 1 ? Mono.<Void>empty()
                : Mono.error(new IllegalStateException("Offer " + offer.id() + " was no longer " + expected)));
    }

    /**
     * Locations not to offer again for a request: those whose offer rules them out (see
     * {@link OfferStatus#RULE_OUT_LOCATION}), and those tried in the current round (a refused hold since
     * {@code roundStartedAt}); an earlier refusal may be out of date.
     */
    public Flux<String> triedLocations(String requestId, Instant roundStartedAt) {
        return db.sql("""
                        SELECT DISTINCT location_id FROM offer WHERE request_id = :id
                          AND (status = ANY(:rulingOut) OR created_at >= :round)""")
                .bind("id", requestId).bind("round", roundStartedAt)
                .bind("rulingOut", Statuses.names(OfferStatus.RULE_OUT_LOCATION))
                .map((row, meta) -> row.get(0, String.class)).all();
    }

    public Mono<Offer> find(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM offer WHERE id = :id").bind("id", id).map(OfferRepository::toOffer).one();
    }

    public Flux<Offer> ofRequest(String requestId) {
        return db.sql("SELECT " + COLUMNS + " FROM offer WHERE request_id = :id ORDER BY created_at")
                .bind("id", requestId).map(OfferRepository::toOffer).all();
    }

    public Flux<Offer> ofLocation(String locationId, Set<OfferStatus> statuses) {
        return db.sql("SELECT " + COLUMNS + " FROM offer WHERE location_id = :id AND status = ANY(:statuses) "
                        + "ORDER BY created_at DESC LIMIT 200")
                .bind("id", locationId)
                .bind("statuses", Statuses.names(statuses))
                .map(OfferRepository::toOffer).all();
    }

    /** Offers that may expire and whose deadline has passed; expiring one re-checks it under the request's lock. */
    public Flux<Offer> dueForExpiry(Instant now, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM offer WHERE status = ANY(:from) AND respond_by < :now "
                        + "ORDER BY respond_by LIMIT :limit")
                .bind("from", Statuses.sourcesOf(OfferCommand.EXPIRE))
                .bind("now", now).bind("limit", limit).map(OfferRepository::toOffer).all();
    }

    /** Offers whose hold request bed-availability has not answered since {@code before}. */
    public Flux<Offer> holdNotAnsweredSince(Instant before, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM offer WHERE status = ANY(:from) AND created_at < :before "
                        + "ORDER BY created_at LIMIT :limit")
                .bind("from", Statuses.sourcesOf(OfferCommand.WITHDRAW_UNANSWERED_HOLD))
                .bind("before", before).bind("limit", limit).map(OfferRepository::toOffer).all();
    }

    static Offer toOffer(Readable row) {
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
                row.get("decline_code", String.class),
                row.get("location_region", String.class));
    }
}
