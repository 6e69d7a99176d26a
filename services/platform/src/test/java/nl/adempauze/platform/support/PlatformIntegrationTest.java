package nl.adempauze.platform.support;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.EventCodec;
import nl.adempauze.contracts.EventDefinition;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The platform as a service wires it, against the real test broker and a database of its own, with nothing of a
 * service on top. The relay's poll is off, so a test decides when it runs ({@code publishSoon}); statements time
 * out after 2 s, so a test can show they do.
 */
@SpringBootTest(classes = PlatformIntegrationTest.Application.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.application.name=platform-test", "adempauze.outbox.poll-interval=PT1H",
                "spring.r2dbc.properties.statementTimeout=2s", "adempauze.outbox.first-backoff=PT0.2S"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
public abstract class PlatformIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    protected DatabaseClient db;

    @Value("${spring.flyway.url}")
    protected String jdbcUrl;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    protected static String bootstrapServers() {
        return RealInfrastructure.get().kafka().bootstrapServers();
    }

    /** A topic of the test's own, with one partition so its order is the order of sending. */
    protected static String newTopic(Map<String, String> config) {
        String name = "platform-test." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1).configs(config))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    /** A capacity figure of this location, as an event. */
    protected static CapacityPublished capacity(String locationId, int freeBeds) {
        return new CapacityPublished(locationId, "drenthe", "ELV_HOOG", freeBeds, 0, freeBeds, 1, Instant.EPOCH);
    }

    /** The outbox row a service's transaction would leave for this event, on this topic; returns its event id. */
    protected UUID outboxRow(String topic, Object event) {
        EventDefinition<?> definition = EventCatalogue.of(event);
        return outboxRow(topic, definition.keyFor(event), definition.type(), CODEC.encode(event));
    }

    /** An outbox row with any payload at all; returns its event id. */
    protected UUID outboxRow(String topic, String key, String type, byte[] payload) {
        UUID id = UUID.randomUUID();
        db.sql("""
                        INSERT INTO outbox_event (event_id, topic, message_key, event_type, subject, payload, occurred_at)
                        VALUES (:id, :topic, :key, :type, :key, :payload, :at)""")
                .bind("id", id)
                .bind("topic", topic)
                .bind("key", key)
                .bind("type", type)
                .bind("payload", payload)
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                .then().block(WAIT);
        return id;
    }

    protected long count(String sql, UUID eventId) {
        return db.sql(sql).bind("id", eventId).map((row, meta) -> row.get(0, Long.class)).one().block(WAIT);
    }

    protected boolean inOutbox(UUID eventId) {
        return count("SELECT count(*) FROM outbox_event WHERE event_id = :id", eventId) > 0;
    }
}
