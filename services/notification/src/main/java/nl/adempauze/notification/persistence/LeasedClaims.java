package nl.adempauze.notification.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.adempauze.notification.domain.DeliveryUpdate;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What webhook deliveries and page messages share in the store: a claim statement for the due rows (all, or only
 * some ids) with a lease, and the binding of an attempt's outcome under the claim token.
 */
final class LeasedClaims {

    private LeasedClaims() {
    }

    /**
     * The claim statement, bound: {@code sqlTemplate} has one {@code %s} where the id filter goes and the parameters
     * {@code :token}, {@code :leaseUntil}, {@code :now}, {@code :limit} (and {@code :ids} when ids are given).
     */
    static DatabaseClient.GenericExecuteSpec claim(DatabaseClient db, String sqlTemplate, Instant now,
                                                   Instant leaseUntil, int limit, List<UUID> ids) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sqlTemplate.formatted(ids == null ? "" : "AND id = ANY(:ids)"))
                .bind("token", UUID.randomUUID())
                .bind("leaseUntil", Sql.timestamp(leaseUntil))
                .bind("now", Sql.timestamp(now))
                .bind("limit", ids == null ? limit : ids.size());
        return ids == null ? spec : spec.bind("ids", ids.toArray(UUID[]::new));
    }

    /** Binds {@code :id}, {@code :token}, {@code :status}, {@code :attempts}, {@code :error}, the two times. */
    static DatabaseClient.GenericExecuteSpec outcome(DatabaseClient.GenericExecuteSpec spec, UUID id, UUID token,
                                                     DeliveryUpdate update) {
        spec = spec.bind("id", id)
                .bind("token", token)
                .bind("status", update.status().name())
                .bind("attempts", update.attempts());
        spec = SqlBinds.nullable(spec, "error", update.error(), String.class);
        spec = SqlBinds.nullable(spec, "nextAttemptAt", Sql.timestamp(update.nextAttemptAt()), OffsetDateTime.class);
        return SqlBinds.nullable(spec, "deliveredAt", Sql.timestamp(update.deliveredAt()), OffsetDateTime.class);
    }
}
