package nl.adempauze.notification.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.adempauze.notification.domain.Contact;
import nl.adempauze.notification.domain.Rota;
import nl.adempauze.notification.domain.Shift;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The on-call rota ({@code on_call_shift}). Changes to a region's rota take a transaction-scoped advisory lock on
 * the region first ({@link #lockRegion}), so two planners cannot both add an overlapping primary.
 */
@Repository
public class ShiftRepository {

    private static final String COLUMNS = "id, region, starts_at, ends_at, primary_user, primary_email, "
            + "primary_phone, backup_user, backup_email, backup_phone";

    private final DatabaseClient db;

    public ShiftRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Holds until the surrounding transaction ends. */
    public Mono<Void> lockRegion(String region) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtext('on_call_shift:' || :region))")
                .bind("region", region).then();
    }

    public Mono<Rota> rota(String region) {
        return db.sql("SELECT " + COLUMNS + " FROM on_call_shift WHERE region = :region ORDER BY starts_at")
                .bind("region", region)
                .map(ShiftRepository::toShift).all()
                .collectList()
                .map(shifts -> new Rota(region, shifts));
    }

    public Mono<Shift> find(String region, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM on_call_shift WHERE region = :region AND id = :id")
                .bind("region", region).bind("id", id)
                .map(ShiftRepository::toShift).one();
    }

    /** Inserts the shift or replaces the one with its id. */
    public Mono<Void> save(Shift shift, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO on_call_shift (id, region, starts_at, ends_at, primary_user, primary_email,
                            primary_phone, backup_user, backup_email, backup_phone, updated_at)
                        VALUES (:id, :region, :startsAt, :endsAt, :primaryUser, :primaryEmail, :primaryPhone,
                            :backupUser, :backupEmail, :backupPhone, :now)
                        ON CONFLICT (id) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
                            primary_user = EXCLUDED.primary_user, primary_email = EXCLUDED.primary_email,
                            primary_phone = EXCLUDED.primary_phone, backup_user = EXCLUDED.backup_user,
                            backup_email = EXCLUDED.backup_email, backup_phone = EXCLUDED.backup_phone,
                            updated_at = EXCLUDED.updated_at""")
                .bind("id", shift.id())
                .bind("region", shift.region())
                .bind("startsAt", Sql.timestamp(shift.startsAt()))
                .bind("endsAt", Sql.timestamp(shift.endsAt()))
                .bind("primaryUser", shift.primary().userId())
                .bind("primaryEmail", shift.primary().email())
                .bind("primaryPhone", shift.primary().phone())
                .bind("now", Sql.timestamp(now));
        Contact backup = shift.backup();
        spec = SqlBinds.nullable(spec, "backupUser", backup == null ? null : backup.userId(), String.class);
        spec = SqlBinds.nullable(spec, "backupEmail", backup == null ? null : backup.email(), String.class);
        spec = SqlBinds.nullable(spec, "backupPhone", backup == null ? null : backup.phone(), String.class);
        return spec.then();
    }

    public Mono<Boolean> delete(String region, UUID id) {
        return db.sql("DELETE FROM on_call_shift WHERE region = :region AND id = :id")
                .bind("region", region).bind("id", id)
                .fetch().rowsUpdated().map(deleted -> deleted > 0);
    }

    private static Shift toShift(Readable row) {
        String backupUser = row.get("backup_user", String.class);
        return new Shift(
                row.get("id", UUID.class),
                row.get("region", String.class),
                Sql.instant(row.get("starts_at", OffsetDateTime.class)),
                Sql.instant(row.get("ends_at", OffsetDateTime.class)),
                new Contact(row.get("primary_user", String.class), row.get("primary_email", String.class),
                        row.get("primary_phone", String.class)),
                backupUser == null ? null : new Contact(backupUser, row.get("backup_email", String.class),
                        row.get("backup_phone", String.class)));
    }
}
