package nl.adempauze.notification.support;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.EventCodec;
import nl.adempauze.contracts.EventDefinition;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestMatched;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.platform.testing.RealInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts events on the real test broker exactly as another service's outbox relay would: binary-mode
 * CloudEvents with the schema-checked record as data.
 */
public final class TestEvents {

    private static final EventCodec CODEC = new EventCodec();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static volatile KafkaProducer<String, byte[]> producer;

    private TestEvents() {
    }

    /** Publishes under a fresh CloudEvent id, which is returned. */
    public static String publish(Object record) {
        String id = UUID.randomUUID().toString();
        publish(record, id);
        return id;
    }

    public static void publish(Object record, String id) {
        EventDefinition<?> definition = EventCatalogue.of(record);
        String key = definition.keyFor(record);
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/adempauze/test"))
                .withType(definition.type())
                .withSubject(key)
                .withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(URI.create(definition.dataSchema()))
                .withData(CODEC.encode(record))
                .build();
        send(KafkaMessageFactory.createWriter(definition.topic().name(), key).writeBinary(event));
    }

    /** Sends bytes that are no CloudEvent at all. */
    public static void publishRaw(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    public static final String PROVIDER = "prov-zorggroep-drenthe";
    public static final String REFERRER = "huisartsenpost-drenthe";

    public static OfferMade offerMade(String region, String requestId) {
        return offerMade(region, requestId, PROVIDER);
    }

    public static OfferMade offerMade(String region, String requestId, String providerId) {
        return new OfferMade("off-" + UUID.randomUUID(), requestId, region, "loc-assen-de-es", providerId,
                "CRISIS_STAY", "CRISIS", List.of("DEMENTIA_SUITABLE"), 0, "closest free bed", NOW.plusSeconds(1800),
                NOW);
    }

    public static RequestMatched requestMatched(String requestId) {
        return new RequestMatched(requestId, "off-" + UUID.randomUUID(), "drenthe", "loc-assen-de-es",
                PROVIDER, "CRISIS_STAY", NOW.plusSeconds(3600), NOW);
    }

    public static RequestEscalated requestEscalated(String requestId) {
        return requestEscalated(requestId, "drenthe");
    }

    public static RequestEscalated requestEscalated(String requestId, String region) {
        return new RequestEscalated(requestId, region, "CRISIS_STAY", "CRISIS", "NO_CANDIDATE",
                "No location with a free bed", NOW);
    }

    public static RequestSubmitted requestSubmitted(String requestId) {
        return requestSubmitted(requestId, "drenthe", REFERRER);
    }

    public static RequestSubmitted requestSubmitted(String requestId, String region, String referrerOrganisation) {
        return new RequestSubmitted(requestId, region, "CRISIS_STAY", "CRISIS", List.of("OXYGEN"), "Assen",
                "zilveren-kruis", NOW.plusSeconds(7200), null, null, null, NOW, referrerOrganisation);
    }

    /** Capacity of a location of its own, so a test's capacity events are told apart from other tests'. */
    public static CapacityPublished capacityPublished(String region) {
        return new CapacityPublished("loc-" + UUID.randomUUID(), region, "CRISIS_STAY", 3, 1, 2, 1, NOW);
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        try {
            producer().send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (TestEvents.class) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafka().bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG, "all"),
                            new StringSerializer(), new ByteArraySerializer());
                }
            }
        }
        return producer;
    }
}
