package nl.adempauze.bedavailability.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.bedavailability.domain.HoldStatus;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.platform.testing.TopicRecorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The offers consumer takes a poll at a time and applies it in one transaction, while each record keeps what it
 * had alone: an event delivered twice is applied once, a record that cannot be read is dead-lettered and the
 * records around it are still applied, an event the consumer does nothing with is passed by.
 */
class BatchConsumptionTest extends BedAvailabilityIntegrationTest {

    private static final String LOCATION = "loc-borger-de-hunebedhof";
    private static final String CARE_TYPE = "ELV_LAAG";
    private static final String DEAD_LETTERS = EventCatalogue.OFFERS.deadLetter();
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void aPollWithARedeliveryAPoisonRecordAndAnIgnoredEventAppliesEachHoldOnce() {
        publish(LOCATION, CARE_TYPE, 10);
        String first = newOfferId();
        String second = newOfferId();
        // one request, so one key and one partition: the records queue in this order
        String request = requestIdOf(first);
        byte[] garbage = ("not a CloudEvent " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS.name(), DEAD_LETTERS)) {
            String firstId;
            String offerMade;
            String secondId;
            // sent while the consumer is stopped, so they wait on the broker and its first poll takes them together
            MessageListenerContainer offers = listeners.getListenerContainer(OfferEventsListener.CONSUMER);
            offers.stop();
            try {
                firstId = producer().send(holdRequest(first, request));
                producer().send(holdRequest(first, request), firstId); // the very same event again
                offerMade = producer().send(new OfferMade(first, request, REGION, LOCATION, providerOf(LOCATION),
                        CARE_TYPE, "CRISIS", List.of("DEMENTIA"), 1, "Nearest", now.plusSeconds(1800), now, REGION,
                        true));
                producer().sendRaw(EventCatalogue.OFFERS.name(), request, garbage);
                secondId = producer().send(holdRequest(second, request));
            } finally {
                offers.start();
            }

            awaitOne(events, BedHeld.class, held -> held.offerId().equals(first));
            awaitOne(events, BedHeld.class, held -> held.offerId().equals(second));
            await("poison dead-lettered").atMost(WITHIN)
                    .until(() -> events.on(DEAD_LETTERS).stream().anyMatch(seen -> Arrays.equals(seen.raw(), garbage)));
            awaitOffersConsumed();

            assertThat(events.payloads(BedHeld.class, held -> held.offerId().equals(first)))
                    .as("the event delivered twice held one bed").hasSize(1);
            assertThat(hold(first).status()).isEqualTo(HoldStatus.HELD);
            assertThat(hold(second).status()).isEqualTo(HoldStatus.HELD);
            assertThat(processed(List.of(firstId, secondId, offerMade)))
                    .as("processed-event rows: one per applied event, none for the OfferMade passed by")
                    .containsExactlyInAnyOrder(firstId, secondId);
            assertThat(events.on(DEAD_LETTERS)).filteredOn(seen -> Arrays.equals(seen.raw(), garbage))
                    .singleElement().satisfies(seen -> assertThat(seen.key()).isEqualTo(request));
            assertThat(events.on(DEAD_LETTERS)).as("only the poison dead-lettered")
                    .noneMatch(seen -> seen.id() != null && List.of(firstId, secondId, offerMade).contains(seen.id()));
        }
    }

    @Test
    void anEventOfATypeTheCatalogueDoesNotKnowIsDeadLetteredNotPassedBy() {
        String key = "request-" + UUID.randomUUID();
        try (TopicRecorder events = recorder(DEAD_LETTERS);
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                     Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                     new StringSerializer(), new ByteArraySerializer())) {
            var unknown = CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withSource(URI.create("/adempauze/test"))
                    .withType("OfferRenegotiated")
                    .withTime(OffsetDateTime.now())
                    .withDataContentType("application/json")
                    .withData("{}".getBytes(StandardCharsets.UTF_8))
                    .build();
            raw.send(KafkaMessageFactory.createWriter(EventCatalogue.OFFERS.name(), key).writeBinary(unknown));
            raw.flush();

            await("unknown type dead-lettered").atMost(WITHIN)
                    .until(() -> events.on(DEAD_LETTERS).stream().anyMatch(seen -> key.equals(seen.key())));
        }
    }

    private static HoldRequested holdRequest(String offerId, String requestId) {
        return new HoldRequested(offerId, requestId, REGION, LOCATION, CARE_TYPE, "CRISIS", null, null, false,
                Instant.now());
    }

    private List<String> processed(List<String> eventIds) {
        return db.sql("SELECT event_id FROM processed_event WHERE consumer = :consumer AND event_id = ANY(:ids)")
                .bind("consumer", OfferEventsListener.CONSUMER)
                .bind("ids", eventIds.toArray(String[]::new))
                .map(row -> row.get("event_id", String.class))
                .all().collectList().block(Duration.ofSeconds(10));
    }
}
