package nl.adempauze.bedavailability.persistence;

import java.time.Instant;
import nl.adempauze.bedavailability.domain.AdminChange;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The administration's audit trail ({@code admin_change}): appended in each change's transaction, never altered. */
@Repository
public class AdminChangeRepository {

    private final DatabaseClient db;

    public AdminChangeRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> append(AdminChange change) {
        return db.sql("""
                        INSERT INTO admin_change (at, region_id, subject, actor_name, action, target, details)
                        VALUES (:at, :region, :subject, :name, :action, :target, :details)""")
                .bind("at", change.at())
                .bind("region", change.region())
                .bind("subject", change.subject())
                .bind("name", change.actorName())
                .bind("action", change.action().name())
                .bind("target", change.target())
                .bind("details", change.details())
                .then();
    }

    /** The region's latest changes, newest first. */
    public Flux<AdminChange> latest(String region, int limit) {
        return db.sql("""
                        SELECT seq, at, region_id, subject, actor_name, action, target, details FROM admin_change
                        WHERE region_id = :region ORDER BY seq DESC LIMIT :limit""")
                .bind("region", region)
                .bind("limit", limit)
                .map(row -> new AdminChange(row.get("seq", Long.class), row.get("at", Instant.class),
                        row.get("region_id", String.class), row.get("subject", String.class),
                        row.get("actor_name", String.class), AdminChange.Action.valueOf(row.get("action", String.class)),
                        row.get("target", String.class), row.get("details", String.class)))
                .all();
    }
}
