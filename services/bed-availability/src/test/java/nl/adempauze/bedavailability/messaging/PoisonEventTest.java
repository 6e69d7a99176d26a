package nl.adempauze.bedavailability.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.platform.testing.TopicRecorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A record that can never be read goes to the dead-letter topic at once; the offers behind it still flow. */
class PoisonEventTest extends BedAvailabilityIntegrationTest {

    private static final String DEAD_LETTERS = EventCatalogue.OFFERS.deadLetter();

    @Test
    void garbageIsDeadLetteredAndTheNextHoldRequestIsStillHandled() {
        String offer = newOfferId();
        byte[] garbage = "this is not a CloudEvent {".getBytes(StandardCharsets.UTF_8);
        publish("loc-borger-de-hunebedhof", "ELV_LAAG", 1);

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS.name(), DEAD_LETTERS)) {
            // Same key as the valid event: same partition, so the poison sits right in front of it.
            producer().sendRaw(EventCatalogue.OFFERS.name(), requestIdOf(offer), garbage);
            producer().send(holdRequested(offer, "loc-borger-de-hunebedhof", "ELV_LAAG"));

            await("hold handled behind the poison").atMost(Duration.ofSeconds(20))
                    .until(() -> !events.payloads(BedHeld.class, e -> e.offerId().equals(offer)).isEmpty());
            await("poison dead-lettered").atMost(Duration.ofSeconds(20))
                    .until(() -> events.on(DEAD_LETTERS).stream().anyMatch(seen -> java.util.Arrays.equals(seen.raw(), garbage)));
            assertThat(events.on(DEAD_LETTERS)).filteredOn(seen -> java.util.Arrays.equals(seen.raw(), garbage))
                    .singleElement().satisfies(seen -> assertThat(seen.key()).isEqualTo(requestIdOf(offer)));
        }
    }

    @Test
    void holdRequestBreakingItsSchemaIsDeadLetteredAndChangesNothing() {
        String location = "loc-diever-heidehof";
        publish(location, "ELV_LAAG", 1);
        String key = "request-" + UUID.randomUUID();
        byte[] breaksSchema = ("{\"offerId\":\"\",\"requestId\":\"" + key + "\",\"region\":\"drenthe\",\"locationId\":\""
                + location + "\",\"careType\":\"ELV_LAAG\",\"requestedAt\":\"yesterday\"}").getBytes(StandardCharsets.UTF_8);

        try (TopicRecorder events = recorder(DEAD_LETTERS);
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                     Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                     new StringSerializer(), new ByteArraySerializer())) {
            var cloudEvent = CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withSource(URI.create("/adempauze/test"))
                    .withType("HoldRequested")
                    .withTime(OffsetDateTime.now())
                    .withDataContentType("application/json")
                    .withData(breaksSchema)
                    .build();
            raw.send(KafkaMessageFactory.createWriter(EventCatalogue.OFFERS.name(), key).writeBinary(cloudEvent));
            raw.flush();

            await("invalid event dead-lettered").atMost(Duration.ofSeconds(20))
                    .until(() -> events.on(DEAD_LETTERS).stream().anyMatch(seen -> key.equals(seen.key())));
            awaitOffersConsumed();
            assertThat(capacityOf(location, "ELV_LAAG").heldBeds()).isZero();
        }
    }
}
