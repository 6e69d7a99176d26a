package nl.adempauze.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.platform.support.PlatformIntegrationTest;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A row the broker refuses for good no longer stops the outbox: it is moved aside with the reason, and the rows
 * after it are published in their order.
 */
class OutboxSetAsideTest extends PlatformIntegrationTest {

    @Autowired
    private OutboxRelay relay;

    @Autowired
    private MeterRegistry meters;

    @Test
    void aRowTooLargeForTheBrokerIsSetAsideAndTheRowsAfterItArePublished() {
        // the broker takes at most 4 KB per record on this topic
        String topic = newTopic(Map.of("max.message.bytes", "4096"));
        double setAsideBefore = meters.counter("adempauze.outbox.set.aside").count();
        try (TopicRecorder recorder = new TopicRecorder(bootstrapServers(), List.of(topic))) {
            UUID first = outboxRow(topic, capacity("loc-1", 1));
            String sameKey = EventCatalogue.of(capacity("loc-1", 1)).keyFor(capacity("loc-1", 1));
            UUID tooLarge = outboxRow(topic, sameKey, "CapacityPublished", huge());
            UUID second = outboxRow(topic, capacity("loc-1", 2));
            UUID third = outboxRow(topic, capacity("loc-2", 3));

            relay.publishSoon();

            await("the rows after the refused one published").atMost(Duration.ofSeconds(15))
                    .until(() -> recorder.all().stream().map(TopicRecorder.Seen::id).distinct().toList(),
                            ids -> ids.containsAll(List.of(first.toString(), second.toString(), third.toString())));
            assertThat(recorder.all().stream().map(TopicRecorder.Seen::id).distinct().toList())
                    .as("published once each at least, in commit order, the refused row never")
                    .containsExactly(first.toString(), second.toString(), third.toString());
            await("the outbox emptied").atMost(Duration.ofSeconds(10))
                    .until(() -> !inOutbox(first) && !inOutbox(tooLarge) && !inOutbox(second) && !inOutbox(third));

            String reason = db.sql("SELECT reason FROM outbox_event_set_aside WHERE event_id = :id")
                    .bind("id", tooLarge).map((row, meta) -> row.get("reason", String.class)).one()
                    .block(Duration.ofSeconds(10));
            assertThat(reason).contains("RecordTooLargeException");
            byte[] kept = db.sql("SELECT payload FROM outbox_event_set_aside WHERE event_id = :id")
                    .bind("id", tooLarge).map((row, meta) -> row.get("payload", byte[].class)).one()
                    .block(Duration.ofSeconds(10));
            assertThat(kept).as("kept as it was, for an operator to look at").isEqualTo(huge());
            assertThat(count("SELECT count(*) FROM outbox_event_set_aside WHERE event_id <> :id", tooLarge))
                    .as("nothing else set aside").isZero();
            assertThat(meters.counter("adempauze.outbox.set.aside").count()).isEqualTo(setAsideBefore + 1);
        }
    }

    private static byte[] huge() {
        return ("{\"text\":\"" + "x".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
