package nl.adempauze.platform.scheduling;

import java.time.Duration;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.support.AbstractStorageAccessor;
import net.javacrumbs.shedlock.support.StorageBasedLockProvider;
import net.javacrumbs.shedlock.support.Utils;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * ShedLock's lock provider over R2DBC, on ShedLock's {@code shedlock} table (platform migration V1_2). Times are the
 * database's own, so instances whose clocks disagree still agree on who holds a lock and until when. A lock is taken
 * in one statement: the job's row is inserted, or taken over once its {@code lock_until} has passed. Each holder
 * names itself uniquely (host, process, random), so a late unlock never frees a lock someone else took since.
 * Blocks, bounded: ShedLock calls it on a scheduler thread, never on an event loop.
 */
public class R2dbcLockProvider extends StorageBasedLockProvider {

    public R2dbcLockProvider(DatabaseClient db) {
        this(db, Utils.getHostname() + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8));
    }

    public R2dbcLockProvider(DatabaseClient db, String owner) {
        super(new Accessor(db, owner));
    }

    static final class Accessor extends AbstractStorageAccessor {

        private static final Duration TIMEOUT = Duration.ofSeconds(10);

        private final DatabaseClient db;
        private final String owner;

        Accessor(DatabaseClient db, String owner) {
            this.db = db;
            this.owner = owner;
        }

        @Override
        public boolean insertRecord(LockConfiguration lock) {
            return take(lock);
        }

        @Override
        public boolean updateRecord(LockConfiguration lock) {
            return take(lock);
        }

        /** Inserts the row, or takes it over when its last holder's time is up; false when someone holds it. */
        private boolean take(LockConfiguration lock) {
            return changed(db.sql("""
                            INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
                            VALUES (:name, clock_timestamp() + :atMost * INTERVAL '1 millisecond', clock_timestamp(),
                                    :owner)
                            ON CONFLICT (name) DO UPDATE
                                SET lock_until = EXCLUDED.lock_until, locked_at = EXCLUDED.locked_at,
                                    locked_by = EXCLUDED.locked_by
                                WHERE shedlock.lock_until <= clock_timestamp()""")
                    .bind("name", lock.getName())
                    .bind("atMost", lock.getLockAtMostFor().toMillis())
                    .bind("owner", owner));
        }

        @Override
        public boolean extend(LockConfiguration lock) {
            return changed(db.sql("""
                            UPDATE shedlock SET lock_until = clock_timestamp() + :atMost * INTERVAL '1 millisecond'
                            WHERE name = :name AND locked_by = :owner AND lock_until > clock_timestamp()""")
                    .bind("name", lock.getName())
                    .bind("atMost", lock.getLockAtMostFor().toMillis())
                    .bind("owner", owner));
        }

        /** Keeps the lock until {@code lockAtLeastFor} after it was taken, else frees it now. */
        @Override
        public void unlock(LockConfiguration lock) {
            changed(db.sql("""
                            UPDATE shedlock
                            SET lock_until = GREATEST(locked_at + :atLeast * INTERVAL '1 millisecond', clock_timestamp())
                            WHERE name = :name AND locked_by = :owner""")
                    .bind("name", lock.getName())
                    .bind("atLeast", lock.getLockAtLeastFor().toMillis())
                    .bind("owner", owner));
        }

        /** Rows changed; a database that does not answer holds no lock for us (the next tick tries again). */
        private boolean changed(DatabaseClient.GenericExecuteSpec statement) {
            try {
                Long rows = statement.fetch().rowsUpdated().block(TIMEOUT);
                return rows != null && rows > 0;
            } catch (RuntimeException e) {
                logger.warn("Scheduler lock statement failed: {}", e.toString());
                return false;
            }
        }
    }
}
