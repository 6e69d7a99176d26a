package nl.adempauze.requestmatching.persistence;

import java.time.Instant;
import java.util.UUID;
import nl.adempauze.contracts.whatif.TodaySettings;
import nl.adempauze.contracts.whatif.WhatIfOutcome;
import nl.adempauze.contracts.whatif.WhatIfSettings;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.persistence.SqlBinds;
import nl.adempauze.requestmatching.domain.WhatIfRun;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** What-if runs: settings, today's settings and measures as JSON; one RUNNING row at a time (a unique index). */
@Repository
public class WhatIfRunRepository {

    private static final String COLUMNS = """
            SELECT id, region_id, requested_by, requested_at, settings::text AS settings, today::text AS today,
                   status, outcome::text AS outcome, failure, finished_at FROM what_if_run""";

    private final DatabaseClient db;
    private final JsonMapper json;

    public WhatIfRunRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Saves a started run; 409 when another run is running anywhere in the installation. */
    public Mono<WhatIfRun> insert(WhatIfRun run) {
        return db.sql("""
                        INSERT INTO what_if_run (id, region_id, requested_by, requested_at, settings, today, status)
                        VALUES (:id, :region, :by, :at, CAST(:settings AS jsonb), CAST(:today AS jsonb), :status)""")
                .bind("id", run.id()).bind("region", run.region()).bind("by", run.requestedBy())
                .bind("at", run.requestedAt()).bind("settings", json.writeValueAsString(run.settings()))
                .bind("today", json.writeValueAsString(run.today())).bind("status", run.status().name())
                .fetch().rowsUpdated().thenReturn(run)
                .onErrorMap(DataIntegrityViolationException.class, e -> DomainException.conflict(
                        "What-if already running", "Another what-if is running; one runs at a time. Try again when"
                                + " it is done (about a minute)"));
    }

    /** Saves a run's end (done or failed), only if it is still running. */
    public Mono<Void> finish(WhatIfRun run) {
        var spec = db.sql("""
                        UPDATE what_if_run SET status = :status, outcome = CAST(:outcome AS jsonb), failure = :failure,
                               finished_at = :finished
                        WHERE id = :id AND status = 'RUNNING'""")
                .bind("id", run.id()).bind("status", run.status().name()).bind("finished", run.finishedAt());
        spec = SqlBinds.nullable(spec, "outcome", run.outcome() == null ? null
                : json.writeValueAsString(run.outcome()), String.class);
        return SqlBinds.nullable(spec, "failure", run.failure(), String.class).then();
    }

    /**
     * Fails runs that have been running since before {@code startedBefore}: their instance stopped while they ran
     * (a run that is alive ends by its time limit), and one must not block every what-if for good.
     */
    public Mono<Long> failAbandoned(Instant startedBefore, String why, Instant now) {
        return db.sql("""
                        UPDATE what_if_run SET status = 'FAILED', failure = :why, finished_at = :now
                        WHERE status = 'RUNNING' AND requested_at < :before""")
                .bind("why", why).bind("now", now).bind("before", startedBefore)
                .fetch().rowsUpdated();
    }

    public Mono<WhatIfRun> find(String region, UUID id) {
        return db.sql(COLUMNS + " WHERE id = :id AND region_id = :region").bind("id", id).bind("region", region)
                .map((row, meta) -> run(row)).one();
    }

    /** The region's latest runs, newest first. */
    public Flux<WhatIfRun> latest(String region, int limit) {
        return db.sql(COLUMNS + " WHERE region_id = :region ORDER BY requested_at DESC LIMIT :limit")
                .bind("region", region).bind("limit", limit)
                .map((row, meta) -> run(row)).all();
    }

    private WhatIfRun run(io.r2dbc.spi.Row row) {
        String outcome = row.get("outcome", String.class);
        Instant finished = row.get("finished_at", Instant.class);
        return new WhatIfRun(row.get("id", UUID.class), row.get("region_id", String.class),
                row.get("requested_by", String.class), row.get("requested_at", Instant.class),
                json.readValue(row.get("settings", String.class), WhatIfSettings.class),
                json.readValue(row.get("today", String.class), TodaySettings.class),
                WhatIfRun.Status.valueOf(row.get("status", String.class)),
                outcome == null ? null : json.readValue(outcome, WhatIfOutcome.class), row.get("failure", String.class),
                finished);
    }
}
