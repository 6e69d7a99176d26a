package nl.adempauze.requestmatching.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import nl.adempauze.requestmatching.domain.DeclineReason;
import nl.adempauze.requestmatching.domain.OfferStatus;
import nl.adempauze.requestmatching.domain.Placement;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.Urgency;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The coordinator's figures per care type, counted from the requests and offers themselves, so they survive
 * restarts and can be asked for any period.
 */
@Repository
public class FiguresRepository {

    /** A count per care type (and a key, such as a decline reason, where there is one). */
    public record Count(String careType, String key, double value) {
    }

    /** A count per urgency and care type, and a key (such as a reason) where there is one. */
    public record UrgencyCount(String urgency, String careType, String key, long count) {
    }

    private final DatabaseClient db;

    public FiguresRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Nights of planned stays booked in the period (not cancelled since). */
    public Flux<Count> plannedNightsBooked(String region, Instant from, Instant to) {
        return counts("""
                SELECT r.care_type, NULL, coalesce(sum(o.nights), 0) FROM request r JOIN offer o ON o.id = r.matched_offer_id
                WHERE r.region_id = :region AND r.urgency = :planned AND r.booked_at >= :from AND r.booked_at < :to
                  AND r.status <> :cancelled
                GROUP BY r.care_type""", region, from, to);
    }

    /** Protected nights crisis stays took, accepted in the period, by release and by override. */
    public Flux<Count> protectedNightsTakenByCrisis(String region, Instant from, Instant to) {
        return counts("""
                SELECT o.care_type, 'release', coalesce(sum(o.protected_nights_released), 0) FROM offer o
                WHERE o.region_id = :region AND o.status = :accepted AND o.answered_at >= :from AND o.answered_at < :to
                GROUP BY o.care_type
                UNION ALL
                SELECT o.care_type, 'override', coalesce(sum(o.protected_nights_overridden), 0) FROM offer o
                WHERE o.region_id = :region AND o.status = :accepted AND o.answered_at >= :from AND o.answered_at < :to
                GROUP BY o.care_type""", region, from, to);
    }

    /** Offers declined in the period, by reason code. */
    public Flux<Count> offersDeclined(String region, Instant from, Instant to) {
        return counts("""
                SELECT care_type, coalesce(decline_code, :other), count(*) FROM offer
                WHERE region_id = :region AND status = :declined AND answered_at >= :from AND answered_at < :to
                GROUP BY care_type, coalesce(decline_code, :other)""", region, from, to);
    }

    /** Hours waited on the waiting list by stays booked in the period: count, average and longest. */
    public Flux<Count> waitedBeforeBooking(String region, Instant from, Instant to) {
        return counts("""
                SELECT care_type, stat, value FROM (
                  SELECT care_type, count(*)::float8 AS bookings,
                         avg(extract(epoch FROM booked_at - waiting_since) / 3600)::float8 AS average_hours,
                         max(extract(epoch FROM booked_at - waiting_since) / 3600)::float8 AS max_hours
                  FROM request WHERE region_id = :region AND urgency = :planned AND waiting_since IS NOT NULL
                    AND booked_at >= :from AND booked_at < :to
                  GROUP BY care_type) w
                CROSS JOIN LATERAL (VALUES ('bookings', bookings), ('averageHours', average_hours),
                                           ('maxHours', max_hours)) AS s(stat, value)""", region, from, to);
    }

    /** The waiting lists now: length and the longest wait so far, in hours. */
    public Flux<Count> waitingNow(String region, Instant now) {
        return db.sql("""
                        SELECT care_type, stat, value FROM (
                          SELECT care_type, count(*)::float8 AS length,
                                 max(extract(epoch FROM :now - waiting_since) / 3600)::float8 AS longest_wait_hours
                          FROM request WHERE region_id = :region AND status = :waiting GROUP BY care_type) w
                        CROSS JOIN LATERAL (VALUES ('length', length), ('longestWaitHours', longest_wait_hours))
                            AS s(stat, value)""")
                .bind("region", region).bind("now", now).bind("waiting", RequestStatus.WAITING.name())
                .map((row, meta) -> new Count(row.get(0, String.class), row.get(1, String.class),
                        row.get(2, Double.class)))
                .all();
    }

    /** Requests submitted in the period, per urgency and care type. */
    public Flux<UrgencyCount> submitted(String region, Instant from, Instant to) {
        return urgencyCounts("""
                SELECT urgency, care_type, NULL, count(*) FROM request
                WHERE region_id = :region AND submitted_at >= :from AND submitted_at < :to
                  AND care_type IS NOT NULL
                GROUP BY urgency, care_type""", region, from, to);
    }

    /**
     * Placements in the period: offers accepted then (a crisis request matched, a planned stay booked) that still
     * stand; one the referrer cancelled afterwards was withdrawn and is not counted.
     */
    public Flux<Placement> placements(String region, Instant from, Instant to) {
        return db.sql("""
                        SELECT r.urgency, r.care_type, r.submitted_at, o.answered_at, r.needed_by, o.first_night
                        FROM request r JOIN offer o ON o.id = r.matched_offer_id
                        WHERE r.region_id = :region AND o.status = :accepted
                          AND o.answered_at >= :from AND o.answered_at < :to""")
                .bind("region", region).bind("from", from).bind("to", to)
                .bind("accepted", OfferStatus.ACCEPTED.name())
                .map((row, meta) -> new Placement(Urgency.valueOf(row.get(0, String.class)), row.get(1, String.class),
                        row.get(2, Instant.class), row.get(3, Instant.class), row.get(4, Instant.class),
                        row.get(5, LocalDate.class)))
                .all();
    }

    /** Offers declined in the period, per urgency, care type and reason code. */
    public Flux<UrgencyCount> declines(String region, Instant from, Instant to) {
        return urgencyCounts("""
                SELECT r.urgency, o.care_type, coalesce(o.decline_code, :other), count(*)
                FROM offer o JOIN request r ON r.id = o.request_id
                WHERE o.region_id = :region AND o.status = :declined AND o.answered_at >= :from AND o.answered_at < :to
                GROUP BY r.urgency, o.care_type, coalesce(o.decline_code, :other)""", region, from, to);
    }

    /**
     * Escalations to the coordinator in the period, per urgency, care type and reason (a request still awaiting
     * triage has no care type yet: it counts once the coordinator set one, as do its submissions).
     */
    public Flux<UrgencyCount> escalations(String region, Instant from, Instant to) {
        return urgencyCounts("""
                SELECT r.urgency, r.care_type, e.reason, count(*)
                FROM escalation e JOIN request r ON r.id = e.request_id
                WHERE e.region_id = :region AND e.escalated_at >= :from AND e.escalated_at < :to
                  AND r.care_type IS NOT NULL
                GROUP BY r.urgency, r.care_type, e.reason""", region, from, to);
    }

    private Flux<UrgencyCount> urgencyCounts(String sql, String region, Instant from, Instant to) {
        return withNames(db.sql(sql), sql).bind("region", region).bind("from", from).bind("to", to)
                .map((row, meta) -> new UrgencyCount(row.get(0, String.class), row.get(1, String.class),
                        row.get(2, String.class), ((Number) row.get(3)).longValue()))
                .all();
    }

    private Flux<Count> counts(String sql, String region, Instant from, Instant to) {
        return withNames(db.sql(sql), sql).bind("region", region).bind("from", from).bind("to", to)
                .map((row, meta) -> new Count(row.get(0, String.class), row.get(1, String.class),
                        ((Number) row.get(2)).doubleValue()))
                .all();
    }

    /** Binds the statuses, urgency and decline code a query names: never written into the SQL as literals. */
    private static DatabaseClient.GenericExecuteSpec withNames(DatabaseClient.GenericExecuteSpec spec, String sql) {
        Map<String, String> names = Map.of("planned", Urgency.PLANNED.name(),
                "cancelled", RequestStatus.CANCELLED.name(), "waiting", RequestStatus.WAITING.name(),
                "accepted", OfferStatus.ACCEPTED.name(), "declined", OfferStatus.DECLINED.name(),
                "other", DeclineReason.OTHER.name());
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (sql.contains(":" + name.getKey())) {
                spec = spec.bind(name.getKey(), name.getValue());
            }
        }
        return spec;
    }
}
