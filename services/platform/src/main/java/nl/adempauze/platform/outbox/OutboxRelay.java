package nl.adempauze.platform.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox rows to Kafka in commit order, right after the transaction that wrote them commits, with a
 * slow poll as fallback (a crash between commit and publish, or a broker outage). Only one instance relays at a
 * time (an advisory lock), so events keep their commit order per key; rows are deleted only after the broker
 * acknowledged them: delivery is at-least-once, and consumers are idempotent.
 */
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    private static final long RELAY_LOCK = 0x4164656d7061757aL; // "Adempauz"

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final URI source;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Counter published;
    private final Counter failures;

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> kafka,
                       String serviceName, MeterRegistry meters) {
        this.db = db;
        this.tx = tx;
        this.kafka = kafka;
        this.source = URI.create("/adempauze/" + serviceName);
        this.published = meters.counter("adempauze.outbox.published");
        this.failures = meters.counter("adempauze.outbox.relay.failures");
    }

    /** Drain the outbox soon; calls made while a drain is already queued fold into it. */
    public void publishSoon() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    @Scheduled(fixedDelayString = "${adempauze.outbox.poll-interval:PT1S}")
    public void poll() {
        publishSoon();
    }

    private void drain() {
        queued.set(false);
        try {
            int sent;
            do {
                sent = tx.transactional(publishBatch()).block();
                published.increment(sent);
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Outbox relay could not publish, will retry: {}", e.toString());
        }
    }

    private Mono<Integer> publishBatch() {
        // One relay per database at a time: two instances sending interleaved batches could reorder the events
        // of one key (a withdrawal overtaking its hold request). The lock ends with the transaction.
        return db.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                .bind("lock", RELAY_LOCK)
                .map((row, meta) -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
                .one()
                .flatMap(mine -> mine ? nextRows().flatMap(rows -> rows.isEmpty() ? Mono.just(0)
                        : send(rows).then(delete(rows)).thenReturn(rows.size())) : Mono.just(0));
    }

    private Mono<List<OutboxRow>> nextRows() {
        return db.sql("""
                        SELECT seq, event_id, topic, message_key, event_type, subject, payload, traceparent, occurred_at
                        FROM outbox_event ORDER BY seq LIMIT :limit""")
                .bind("limit", BATCH)
                .map((row, meta) -> new OutboxRow(
                        row.get("seq", Long.class),
                        row.get("event_id", UUID.class),
                        row.get("topic", String.class),
                        row.get("message_key", String.class),
                        row.get("event_type", String.class),
                        row.get("subject", String.class),
                        row.get("payload", byte[].class),
                        row.get("traceparent", String.class),
                        row.get("occurred_at", OffsetDateTime.class)))
                .all()
                .collectList();
    }

    private Mono<Void> send(List<OutboxRow> rows) {
        // Off the database driver's event loop: a producer's send may block (up to max.block.ms) while the broker
        // is away, and a blocked event loop would stall every request whose connection it serves.
        return Mono.fromFuture(() -> {
                    CompletableFuture<?>[] acks = rows.stream().map(row -> kafka.send(toRecord(row)))
                            .toArray(CompletableFuture[]::new);
                    return CompletableFuture.allOf(acks).orTimeout(30, TimeUnit.SECONDS);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    private Mono<Void> delete(List<OutboxRow> rows) {
        return db.sql("DELETE FROM outbox_event WHERE seq = ANY(:seqs)")
                .bind("seqs", rows.stream().map(OutboxRow::seq).toArray(Long[]::new))
                .then();
    }

    private ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(row.eventId().toString())
                .withSource(source)
                .withType(row.type())
                .withSubject(row.subject())
                .withTime(row.occurredAt())
                .withDataContentType("application/json")
                .withDataSchema(URI.create(nl.adempauze.contracts.EventCatalogue.dataSchema(row.type())))
                .withData(row.payload())
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(row.topic(), row.key()).writeBinary(event);
        if (row.traceparent() != null) {
            record.headers().add(TraceContext.TRACEPARENT, row.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }

    private record OutboxRow(long seq, UUID eventId, String topic, String key, String type, String subject,
                             byte[] payload, String traceparent, OffsetDateTime occurredAt) {
    }
}
