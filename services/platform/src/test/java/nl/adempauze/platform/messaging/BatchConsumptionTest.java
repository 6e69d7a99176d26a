package nl.adempauze.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.adempauze.contracts.EventCodec;
import nl.adempauze.contracts.InvalidEventException;
import nl.adempauze.contracts.events.CapacityAdjusted;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.platform.inbox.IncomingEvent;
import nl.adempauze.platform.outbox.TraceContext;
import nl.adempauze.platform.support.PlatformIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.BatchListenerFailedException;
import reactor.core.publisher.Mono;

/**
 * A poll's records applied together, on the real database: each event once, in record order, with its own trace;
 * and when one record fails, the records before it applied and that record named to the error handler, as if each
 * had come alone. The records are made here as the broker hands them over (the error handler's part is shown by
 * the services' poison tests, on the real broker).
 */
class BatchConsumptionTest extends PlatformIntegrationTest {

    private static final String TOPIC = "platform-test.batch";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final EventCodec CODEC = new EventCodec();
    private static final HandledEvents CAPACITY = HandledEvents.of(CapacityPublished.class);

    @Autowired
    private EventConsumer consumer;

    private final String name = "batch-test-" + UUID.randomUUID();
    private final String failOn = UUID.randomUUID().toString();
    private final List<String> handled = new ArrayList<>();
    private long offset;

    @BeforeEach
    void effectTable() {
        db.sql("CREATE TABLE IF NOT EXISTS batch_effect (consumer TEXT, event_id TEXT, traceparent TEXT)")
                .then().block(WAIT);
    }

    @Test
    void eachEventIsAppliedOnceInRecordOrderWithItsOwnTrace() {
        ConsumerRecord<String, byte[]> first = capacityRecord(UUID.randomUUID().toString());
        ConsumerRecord<String, byte[]> second = capacityRecord(UUID.randomUUID().toString());

        consumer.consumeAll(name, List.of(first, first, second, first), CAPACITY, this::effect);

        assertThat(handled).as("handler calls, in record order").containsExactly(idOf(first), idOf(second));
        assertThat(effects()).containsExactlyInAnyOrder(
                idOf(first) + " " + traceparentOf(idOf(first)), idOf(second) + " " + traceparentOf(idOf(second)));
        assertThat(processed()).containsExactlyInAnyOrder(idOf(first), idOf(second));

        consumer.consumeAll(name, List.of(second, first), CAPACITY, this::effect);
        assertThat(handled).as("a batch seen before changes nothing").hasSize(2);
    }

    @Test
    void aCataloguedEventTheListenerDoesNotHandleIsPassedByUnreadWithoutARow() {
        // its data is not even valid: it is never decoded
        ConsumerRecord<String, byte[]> ignored = record(CapacityAdjusted.class.getSimpleName(),
                UUID.randomUUID().toString(), "not json".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> applied = capacityRecord(UUID.randomUUID().toString());

        consumer.consumeAll(name, List.of(ignored, applied), CAPACITY, this::effect);

        assertThat(handled).containsExactly(idOf(applied));
        assertThat(processed()).containsExactly(idOf(applied));
    }

    @Test
    void anUnreadableRecordIsNamedAfterTheRecordsBeforeItAreApplied() {
        ConsumerRecord<String, byte[]> before = capacityRecord(UUID.randomUUID().toString());
        ConsumerRecord<String, byte[]> unknownType = record("CapacityGuessed", UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> after = capacityRecord(UUID.randomUUID().toString());

        assertThatThrownBy(() -> consumer.consumeAll(name, List.of(before, before, unknownType, after), CAPACITY,
                this::effect))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(2))
                .hasCauseInstanceOf(InvalidEventException.class);

        assertThat(processed()).as("applied before the unreadable record; the rest comes again").containsExactly(
                idOf(before));
        assertThat(effects()).hasSize(1);
    }

    @Test
    void whenAHandlerFailsEachEventIsAppliedAloneAndTheFailingOneIsNamed() {
        ConsumerRecord<String, byte[]> before = capacityRecord(UUID.randomUUID().toString());
        ConsumerRecord<String, byte[]> failing = capacityRecord(failOn);
        ConsumerRecord<String, byte[]> after = capacityRecord(UUID.randomUUID().toString());

        assertThatThrownBy(() -> consumer.consumeAll(name, List.of(before, failing, after), CAPACITY, this::effect))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(1))
                .hasRootCauseMessage("handler refuses " + failOn);

        assertThat(processed()).as("the batch rolled back, then the event before the failing one applied alone")
                .containsExactly(idOf(before));
        assertThat(effects()).containsExactly(idOf(before) + " " + traceparentOf(idOf(before)));
    }

    /** What a service's handler does: a change in the transaction, with the traceparent the outbox would store. */
    private Mono<Void> effect(IncomingEvent event) {
        if (event.id().equals(failOn)) {
            return Mono.error(new IllegalStateException("handler refuses " + failOn));
        }
        return Mono.deferContextual(context -> {
            handled.add(event.id());
            return db.sql("INSERT INTO batch_effect (consumer, event_id, traceparent) VALUES (:consumer, :id, :trace)")
                    .bind("consumer", name).bind("id", event.id())
                    .bind("trace", context.<String>get(TraceContext.TRACEPARENT))
                    .then();
        });
    }

    private List<String> effects() {
        return db.sql("SELECT event_id || ' ' || traceparent FROM batch_effect WHERE consumer = :consumer")
                .bind("consumer", name).map((row, meta) -> row.get(0, String.class)).all().collectList().block(WAIT);
    }

    private List<String> processed() {
        return db.sql("SELECT event_id FROM processed_event WHERE consumer = :consumer")
                .bind("consumer", name).map((row, meta) -> row.get(0, String.class)).all().collectList().block(WAIT);
    }

    private ConsumerRecord<String, byte[]> capacityRecord(String eventId) {
        return record(CapacityPublished.class.getSimpleName(), eventId, CODEC.encode(capacity("loc-batch", 1)));
    }

    /** A binary-mode CloudEvent record, as the outbox relay writes them, with a traceparent of its own. */
    private ConsumerRecord<String, byte[]> record(String type, String eventId, byte[] data) {
        ProducerRecord<String, byte[]> written = KafkaMessageFactory.createWriter(TOPIC, "loc-batch").writeBinary(
                CloudEventBuilder.v1().withId(eventId).withSource(URI.create("/adempauze/test")).withType(type)
                        .withDataContentType("application/json").withData(data).build());
        RecordHeaders headers = new RecordHeaders(written.headers().toArray());
        headers.add(TraceContext.TRACEPARENT, traceparentOf(eventId).getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(TOPIC, 0, offset++, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                -1, -1, written.key(), written.value(), headers, Optional.empty());
    }

    private static String traceparentOf(String eventId) {
        return "00-" + eventId.replace("-", "") + "-" + eventId.replace("-", "").substring(0, 16) + "-01";
    }

    private static String idOf(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }
}
