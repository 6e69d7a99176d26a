package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.embedded.EmbeddedPostgresServer;
import nl.adempauze.localstack.process.ServiceProcess;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * request-matching is killed inside its outbox relay's send-to-delete window: the relay has sent a batch to the
 * broker (acknowledged, on the topic) but its DELETE of those rows has not committed. No hook in the shipped jar
 * holds it there: the test locks the outbox rows ({@code SELECT ... FOR UPDATE}) so that the relay reads them (a
 * plain read does not wait), sends them, and then waits on the lock in its DELETE; the test sees that wait in
 * {@code pg_stat_activity} (which instance: the connection's application name), kills that instance (SIGKILL),
 * lets go of the lock and starts the instance again (ready before the test ends). The rows are still in the outbox, so they are sent a second
 * time, with the same event ids: every consumer must absorb the second copy, and nothing is done twice.
 */
@Tag("fault")
class RelayWindowKillFaultTest {

    /** What a relay's wait on the test's row lock looks like from the database's side. */
    private static final String RELAY_WAITING = """
            SELECT application_name FROM pg_stat_activity
            WHERE datname = 'request_matching' AND wait_event_type = 'Lock'
              AND query LIKE 'DELETE FROM outbox_event%'""";

    private record Row(String eventId, String topic) {
    }

    @Test
    void eventsSentAgainAfterAKillBetweenSendAndDeleteAreAbsorbed() throws SQLException {
        for (int round = 1; round <= FaultVolume.ROUNDS; round++) {
            inject(round);
        }
    }

    private void inject(int round) throws SQLException {
        FaultStack stack = FaultStack.get();
        EmbeddedPostgresServer postgres = stack.processes.postgres();
        Set<String> recorded = Set.of(EventCatalogue.REQUESTS.name(), EventCatalogue.OFFERS.name(),
                EventCatalogue.HOLDS.name());
        try (CrisisLoad load = new CrisisLoad(stack, FaultVolume.round("request-matching killed between the relay's send and delete", round),
                FaultVolume.BEDS);
             Connection locker = DriverManager.getConnection(postgres.jdbcUrl("request_matching"), postgres.user(),
                     postgres.password());
             Connection watcher = DriverManager.getConnection(postgres.jdbcUrl("request_matching"), postgres.user(),
                     postgres.password())) {
            load.start(FaultVolume.RATE);
            load.keepSendingFor(FaultVolume.around());

            // lock rows the relay has yet to delete: it reads them all the same, sends them, and its DELETE waits
            locker.setAutoCommit(false);
            List<Row> held = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> lockOutboxRows(locker, recorded), rows -> !rows.isEmpty());
            String waiting = await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(20))
                    .until(() -> relayWaiting(watcher), Optional::isPresent).orElseThrow();
            ServiceProcess relaying = stack.requestMatchingInstances().stream()
                    .filter(instance -> instance.instance().equals(waiting)).findFirst().orElseThrow();
            relaying.kill();
            List<String> heldIds = held.stream().filter(r -> recorded.contains(r.topic())).map(Row::eventId).toList();
            // what the killed relay sent before its DELETE waited: on the topic while the rows are still locked.
            // No other relay can have sent them meanwhile: they wait for the relay lock, which the killed instance's
            // transaction holds until the row lock is let go. (Rows locked that were not in its batch, written after
            // it read, are sent once, later.) Read until two reads half a second apart agree.
            AtomicReference<List<String>> lastRead = new AtomicReference<>(List.of());
            List<String> ids = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> sentAlready(load.events(), heldIds),
                            sent -> !sent.isEmpty() && sent.equals(lastRead.getAndSet(sent)));
            locker.rollback();
            // the other instance's relay sends the rows again; the killed one starts meanwhile (ready by the end)
            relaying.start();
            load.keepSendingFor(FaultVolume.around());
            load.stop();

            CrisisLoad.Counts counts = load.awaitSettled(FaultVolume.settle());
            relaying.awaitReady(Duration.ofMinutes(2));

            // the rows outlived the kill, so the events went out again under the same ids, and were absorbed
            Map<String, Long> copies = copies(load.events(), ids);
            FaultFigures.print("FAULT relay window: " + held.size() + " outbox rows held, " + heldIds.size()
                    + " of them on the recorded topics, " + ids.size() + " sent by " + waiting
                    + " before it was killed; copies on the topic per event sent before the kill "
                    + copies.values().stream().collect(Collectors.groupingBy(Function.identity(),
                            Collectors.counting())));
            assertThat(copies.values()).as("copies of each event sent before the kill").allMatch(n -> n >= 2);
            assertThat(counts.refused()).as("refused while the other instance of request-matching lived").isZero();
            counts.assertNothingLostNothingTwice(FaultVolume.RATE);
        } finally {
            stack.requestMatchingInstances().forEach(instance -> {
                if (!instance.running()) {
                    instance.start();
                }
                instance.awaitReady(Duration.ofMinutes(2));
            });
        }
    }

    /**
     * Locks every outbox row there is now and answers them, keeping the lock; none there for the recorded topics:
     * nothing held.
     */
    private static List<Row> lockOutboxRows(Connection connection, Set<String> recorded) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT event_id, topic FROM outbox_event FOR UPDATE")) {
            while (result.next()) {
                rows.add(new Row(result.getString(1), result.getString(2)));
            }
        }
        if (rows.stream().noneMatch(row -> recorded.contains(row.topic()))) {
            connection.rollback();
            return List.of();
        }
        return rows;
    }

    /** The instance (its connection's application name) whose relay waits on the lock to delete, if one does. */
    private static Optional<String> relayWaiting(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(RELAY_WAITING)) {
            return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
        }
    }

    /** Those of these event ids already on the recorded topics, in the given order. */
    private static List<String> sentAlready(TopicRecorder events, List<String> ids) {
        Map<String, Long> copies = copies(events, ids);
        return ids.stream().filter(id -> copies.get(id) > 0).toList();
    }

    /** How often each of these event ids is on the recorded topics. */
    private static Map<String, Long> copies(TopicRecorder events, List<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        Map<String, Long> copies = events.all().stream().map(TopicRecorder.Seen::id).filter(wanted::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        ids.forEach(id -> copies.putIfAbsent(id, 0L));
        return copies;
    }
}
