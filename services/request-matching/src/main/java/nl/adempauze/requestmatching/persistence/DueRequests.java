package nl.adempauze.requestmatching.persistence;

import java.time.Instant;
import java.time.LocalDate;
import nl.adempauze.requestmatching.domain.RequestCommand;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.Urgency;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the clocks look for: requests whose time has come for a warning, a reminder or leaving the waiting list, and
 * the marks that make each warning and reminder go out once.
 */
@Repository
public class DueRequests {

    private final DatabaseClient db;

    public DueRequests(DatabaseClient db) {
        this.db = db;
    }

    /** Waiting requests whose last possible first night has begun: the stay can no longer be given. */
    public Flux<String> waitingWindowPassed(LocalDate tonight) {
        return db.sql("SELECT id FROM request WHERE status = :waiting AND latest_first_night < :tonight")
                .bind("waiting", RequestStatus.WAITING.name())
                .bind("tonight", tonight).map((row, meta) -> row.get(0, String.class)).all();
    }

    /** A booked stay that begins soon and whose reminder has not gone out. */
    public record DueReminder(String requestId, String offerId) {
    }

    public Flux<DueReminder> remindersDue(LocalDate lastFirstNight) {
        return db.sql("""
                        SELECT r.id, o.id FROM request r JOIN offer o ON o.id = r.matched_offer_id
                        WHERE r.status = ANY(:from) AND r.reminded_at IS NULL AND o.first_night <= :last""")
                .bind("from", Statuses.sourcesOf(RequestCommand.REMIND))
                .bind("last", lastFirstNight)
                .map((row, meta) -> new DueReminder(row.get(0, String.class), row.get(1, String.class))).all();
    }

    public Mono<Long> markReminded(String id, Instant at) {
        return db.sql("UPDATE request SET reminded_at = :at WHERE id = :id AND reminded_at IS NULL")
                .bind("id", id).bind("at", at).fetch().rowsUpdated();
    }

    /** Admitted crisis stays on the calendar whose held nights end by {@code lastNight}, not yet flagged. */
    public Flux<String> staysEndingBy(LocalDate lastNight) {
        return db.sql("""
                        SELECT r.id FROM request r JOIN offer o ON o.id = r.matched_offer_id
                        WHERE r.status = ANY(:from) AND r.urgency = :crisis AND o.first_night IS NOT NULL
                          AND o.first_night + o.nights - 1 <= :lastNight AND r.overrun_escalated_at IS NULL""")
                .bind("from", Statuses.sourcesOf(RequestCommand.WARN_OVERRUN))
                .bind("crisis", Urgency.CRISIS.name())
                .bind("lastNight", lastNight).map((row, meta) -> row.get(0, String.class)).all();
    }

    public Mono<Long> markOverrunEscalated(String id, Instant at) {
        return db.sql("UPDATE request SET overrun_escalated_at = :at WHERE id = :id AND overrun_escalated_at IS NULL")
                .bind("id", id).bind("at", at).fetch().rowsUpdated();
    }

    /**
     * Requests that may be warned about their deadline, whose needed-by time is near and who were not warned yet:
     * crisis requests within {@code crisisThreshold}, planned ones (needed by their last possible first night) within
     * {@code plannedThreshold}.
     */
    public Flux<String> deadlineAtRisk(Instant crisisThreshold, Instant plannedThreshold) {
        return db.sql("""
                        SELECT id FROM request WHERE status = ANY(:from)
                          AND needed_by IS NOT NULL AND deadline_escalated_at IS NULL
                          AND needed_by <= CASE WHEN urgency = :planned THEN :plannedThreshold
                                                ELSE :crisisThreshold END""")
                .bind("from", Statuses.sourcesOf(RequestCommand.WARN_DEADLINE))
                .bind("planned", Urgency.PLANNED.name())
                .bind("crisisThreshold", crisisThreshold).bind("plannedThreshold", plannedThreshold)
                .map((row, meta) -> row.get(0, String.class)).all();
    }

    public Mono<Long> markDeadlineEscalated(String id, Instant at) {
        return db.sql("UPDATE request SET deadline_escalated_at = :at WHERE id = :id AND deadline_escalated_at IS NULL")
                .bind("id", id).bind("at", at).fetch().rowsUpdated();
    }
}
