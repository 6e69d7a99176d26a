package nl.adempauze.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import nl.adempauze.embedded.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/** The lock provider on a real PostgreSQL with the platform's migrations: two instances, each its own provider. */
class R2dbcLockProviderTest {

    private static EmbeddedPostgresServer postgres;
    private static DatabaseClient db;

    private R2dbcLockProvider one;
    private R2dbcLockProvider other;
    private String name;

    @BeforeAll
    static void database() {
        postgres = EmbeddedPostgresServer.start(0);
        postgres.createDatabase("locks");
        Flyway.configure().dataSource(postgres.jdbcUrl("locks"), postgres.user(), postgres.password())
                .locations("classpath:db/platform").load().migrate();
        db = DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions.parse(postgres.r2dbcUrl("locks"))
                .mutate().option(ConnectionFactoryOptions.USER, postgres.user())
                .option(ConnectionFactoryOptions.PASSWORD, postgres.password()).build()));
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @BeforeEach
    void twoInstances() {
        one = new R2dbcLockProvider(db, "instance-one");
        other = new R2dbcLockProvider(db, "instance-other");
        name = "job-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aLockHeldByOneInstanceIsRefusedToAnotherUntilReleased() {
        Optional<SimpleLock> held = one.lock(lock(Duration.ofMinutes(5), Duration.ZERO));
        assertThat(held).isPresent();
        assertThat(holder()).isEqualTo("instance-one");

        assertThat(other.lock(lock(Duration.ofMinutes(5), Duration.ZERO))).as("second lock while held").isEmpty();
        assertThat(one.lock(lock(Duration.ofMinutes(5), Duration.ZERO))).as("held is held, also for its holder")
                .isEmpty();

        held.orElseThrow().unlock();
        Optional<SimpleLock> next = other.lock(lock(Duration.ofMinutes(5), Duration.ZERO));
        assertThat(next).as("free once released").isPresent();
        assertThat(holder()).isEqualTo("instance-other");
        next.orElseThrow().unlock();
    }

    @Test
    void aLockNotReleasedExpiresAfterLockAtMostFor() {
        assertThat(one.lock(lock(Duration.ofMillis(800), Duration.ZERO))).isPresent();
        assertThat(other.lock(lock(Duration.ofMinutes(5), Duration.ZERO))).isEmpty();

        // the holder died without unlocking: the lock is free again once lockAtMostFor has passed
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> other.lock(lock(Duration.ofMinutes(5), Duration.ZERO)).isPresent());
        assertThat(holder()).isEqualTo("instance-other");
    }

    @Test
    void aReleasedLockStaysHeldForLockAtLeastFor() {
        Instant taken = Instant.now();
        one.lock(lock(Duration.ofMinutes(5), Duration.ofMillis(1500))).orElseThrow().unlock();
        assertThat(other.lock(lock(Duration.ofMinutes(5), Duration.ZERO))).as("within lockAtLeastFor").isEmpty();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> other.lock(lock(Duration.ofMinutes(5), Duration.ZERO)).isPresent());
        assertThat(Duration.between(taken, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    }

    @Test
    void aLateUnlockDoesNotFreeALockTakenOverSince() {
        SimpleLock expired = one.lock(lock(Duration.ofMillis(300), Duration.ZERO)).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> other.lock(lock(Duration.ofMinutes(5), Duration.ZERO)).isPresent());

        expired.unlock();

        assertThat(one.lock(lock(Duration.ofMinutes(5), Duration.ZERO))).as("still held by the other").isEmpty();
        assertThat(holder()).isEqualTo("instance-other");
    }

    @Test
    void aHeldLockCanBeExtendedByItsHolder() {
        SimpleLock held = one.lock(lock(Duration.ofMillis(500), Duration.ZERO)).orElseThrow();
        Optional<SimpleLock> extended = held.extend(Duration.ofMinutes(5), Duration.ZERO);
        assertThat(extended).isPresent();
        // well past the first lockAtMostFor, still held
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> other.lock(lock(Duration.ofMinutes(5), Duration.ZERO)).isEmpty());
        extended.orElseThrow().unlock();
        assertThat(other.lock(lock(Duration.ofMinutes(5), Duration.ZERO))).isPresent();
    }

    private LockConfiguration lock(Duration atMost, Duration atLeast) {
        return new LockConfiguration(Instant.now(), name, atMost, atLeast);
    }

    private String holder() {
        return db.sql("SELECT locked_by FROM shedlock WHERE name = :name").bind("name", name)
                .map(row -> row.get("locked_by", String.class)).one().block();
    }
}
