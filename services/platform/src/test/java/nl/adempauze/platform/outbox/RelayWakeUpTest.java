package nl.adempauze.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.embedded.FreePort;
import nl.adempauze.embedded.PostgresServer;
import nl.adempauze.platform.support.PlatformIntegrationTest;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.TopicRecorder;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.reactive.TransactionalOperator;

/** With several instances on one database: one relays at a time, and no wake-up is lost to the one that relays. */
class RelayWakeUpTest extends PlatformIntegrationTest {

    @Autowired
    private OutboxRelay relay;

    @Autowired
    private TransactionalOperator tx;

    @Autowired
    private KafkaTemplate<String, byte[]> kafka;

    /** Another instance relaying: it holds the relay lock in its transaction until the connection commits. */
    private Connection relayingElsewhere() throws SQLException {
        PostgresServer postgres = RealInfrastructure.get().postgres();
        Connection otherInstance = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
        otherInstance.setAutoCommit(false);
        try (PreparedStatement lock = otherInstance.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, OutboxRelay.RELAY_LOCK);
            lock.execute();
        }
        return otherInstance;
    }

    @Test
    void aWakeUpThatFindsTheLockTakenPublishesOnceTheOtherInstanceLetsGo() throws Exception {
        String topic = newTopic(Map.of());
        try (TopicRecorder recorder = new TopicRecorder(bootstrapServers(), List.of(topic));
             Connection otherInstance = relayingElsewhere()) {
            UUID event = outboxRow(topic, capacity("loc-1", 1));
            relay.publishSoon(); // this instance's post-commit wake-up; the poll is off in these tests

            await("not published while the other instance holds the lock").during(Duration.ofMillis(700))
                    .atMost(Duration.ofSeconds(2)).until(() -> recorder.all().isEmpty() && inOutbox(event));
            otherInstance.commit();

            await("published by the wake-up once the lock is free").atMost(Duration.ofSeconds(5))
                    .until(() -> recorder.all().stream().anyMatch(seen -> event.toString().equals(seen.id())));
            await("deleted once acknowledged").atMost(Duration.ofSeconds(5)).until(() -> !inOutbox(event));
        }
    }

    @Test
    void aWakeUpWaitingLongerThanTheLockWaitTriesAgainWithoutCountingAFailure() throws Exception {
        String topic = newTopic(Map.of());
        SimpleMeterRegistry waiterMeters = new SimpleMeterRegistry();
        OutboxRelay waiter = new OutboxRelay(db, tx, kafka, "platform-test", waiterMeters,
                new OutboxRelaySettings(Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(20),
                        Duration.ofSeconds(60)));
        try (TopicRecorder recorder = new TopicRecorder(bootstrapServers(), List.of(topic));
             Connection otherInstance = relayingElsewhere()) {
            UUID event = outboxRow(topic, capacity("loc-1", 1));
            waiter.publishSoon();

            // held for several of the waiter's lock waits
            await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> inOutbox(event));
            otherInstance.commit();

            await("published once the lock is free").atMost(Duration.ofSeconds(5))
                    .until(() -> recorder.all().stream().anyMatch(seen -> event.toString().equals(seen.id())));
            assertThat(waiterMeters.counter("adempauze.outbox.relay.failures").count())
                    .as("a busy lock is not a failure: no backoff").isZero();
        } finally {
            waiter.destroy();
        }
    }

    @Test
    void anInstanceCutOffFromTheBrokerLetsGoOfTheLockWithinItsSendTimeoutAndBacksOff() {
        String topic = newTopic(Map.of());
        SimpleMeterRegistry cutOffMeters = new SimpleMeterRegistry();
        DefaultKafkaProducerFactory<String, byte[]> nowhere = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + FreePort.pick(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 500),
                new StringSerializer(), new ByteArraySerializer());
        OutboxRelay cutOff = new OutboxRelay(db, tx, new KafkaTemplate<>(nowhere), "platform-test", cutOffMeters,
                new OutboxRelaySettings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(20),
                        Duration.ofSeconds(60)));
        try (TopicRecorder recorder = new TopicRecorder(bootstrapServers(), List.of(topic))) {
            UUID event = outboxRow(topic, capacity("loc-1", 1));
            cutOff.publishSoon();
            await("the cut-off instance gave up within its send timeout").atMost(Duration.ofSeconds(5))
                    .until(() -> cutOffMeters.counter("adempauze.outbox.relay.failures").count() >= 1);
            assertThat(inOutbox(event)).as("kept for the next attempt").isTrue();

            cutOff.publishSoon(); // backing off: it does not take the lock again now
            relay.publishSoon();
            await("published by the instance that reaches the broker").atMost(Duration.ofSeconds(5))
                    .until(() -> recorder.all().stream().anyMatch(seen -> event.toString().equals(seen.id())));
            assertThat(cutOffMeters.counter("adempauze.outbox.relay.failures").count()).isEqualTo(1);
        } finally {
            cutOff.destroy();
            nowhere.destroy();
        }
    }
}
