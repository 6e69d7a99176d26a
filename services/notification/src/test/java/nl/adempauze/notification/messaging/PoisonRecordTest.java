package nl.adempauze.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.TestEvents;
import nl.adempauze.notification.support.WebhookReceiver;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoisonRecordTest extends NotificationIntegrationTest {

    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextEventStillDelivered() {
        String requestId = uniqueRequestId();
        String organisation = uniqueOrganisation("hap");
        subscribe(TestTokens.referrer(organisation), receiver.url(), List.of("RequestSubmitted"), null);
        byte[] garbage = ("not a CloudEvent " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        // same key, so same partition: the valid event queues behind the poison one
        TestEvents.publishRaw(EventCatalogue.REQUESTS.name(), requestId, garbage);
        String eventId = TestEvents.publish(TestEvents.requestSubmitted(requestId, "drenthe", organisation));

        await().atMost(PATIENCE).until(() -> receiver.forEvent(eventId).size() == 1);
        assertThat(awaitDeadLetter(EventCatalogue.REQUESTS.deadLetter(), garbage).key()).isEqualTo(requestId);
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, byte[] value) {
        List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().anyMatch(record -> Arrays.equals(record.value(), value));
            });
        }
        return seen.stream().filter(record -> Arrays.equals(record.value(), value)).findFirst().orElseThrow();
    }
}
