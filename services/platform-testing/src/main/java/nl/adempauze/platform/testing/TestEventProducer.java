package nl.adempauze.platform.testing;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.EventCodec;
import nl.adempauze.contracts.EventDefinition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends catalogued events to the real broker exactly as a service's outbox relay would (CloudEvents binary mode),
 * or raw bytes, so a test can play another service, redeliver an event, or inject a poison record.
 */
public final class TestEventProducer implements AutoCloseable {

    private static TestEventProducer shared;

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();

    /** One producer per test JVM on the real broker of {@link RealInfrastructure}, shared by all test classes. */
    public static synchronized TestEventProducer shared() {
        if (shared == null) {
            shared = new TestEventProducer(RealInfrastructure.get().kafka().bootstrapServers());
        }
        return shared;
    }

    public TestEventProducer(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends the event with a fresh CloudEvent id; returns that id. */
    public String send(Object event) {
        return send(event, UUID.randomUUID().toString());
    }

    /** Sends the event with the given CloudEvent id (send twice with one id to simulate a redelivery). */
    public String send(Object event, String eventId) {
        return send(event, eventId, codec.encode(event));
    }

    /**
     * Sends the event as a newer version of its producer would, with fields this version does not know at every
     * level (see {@link NewerProducer}); returns its fresh CloudEvent id.
     */
    public String sendFromANewerProducer(Object event) {
        return send(event, UUID.randomUUID().toString(), NewerProducer.write(event));
    }

    private String send(Object event, String eventId, byte[] data) {
        EventDefinition<?> definition = EventCatalogue.of(event);
        String key = definition.keyFor(event);
        var cloudEvent = CloudEventBuilder.v1()
                .withId(eventId)
                .withSource(URI.create("/adempauze/test"))
                .withType(definition.type())
                .withSubject(key)
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withDataSchema(URI.create(definition.dataSchema()))
                .withData(data)
                .build();
        await(KafkaMessageFactory.createWriter(definition.topic().name(), key).writeBinary(cloudEvent));
        return eventId;
    }

    /** Sends arbitrary bytes without CloudEvent headers: a poison record. */
    public void sendRaw(String topic, String key, byte[] value) {
        await(new ProducerRecord<>(topic, key, value));
    }

    private void await(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send test record to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
