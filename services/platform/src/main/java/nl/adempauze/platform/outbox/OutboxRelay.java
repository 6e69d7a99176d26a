package nl.adempauze.platform.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.R2dbcException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox rows to Kafka in commit order, right after the transaction that wrote them commits, with a
 * slow poll as fallback (a crash between commit and publish, or a broker outage). Only one instance relays at a
 * time (an advisory lock), so events keep their commit order per key; rows are deleted only after the broker
 * acknowledged them: delivery is at-least-once, and consumers are idempotent.
 * <p>
 * Bounded everywhere: a wake-up that finds the lock taken waits for it ({@code lock-wait}) rather than being
 * dropped, so rows committed while another instance relays are published by the next holder at once; a batch
 * waits for the broker at most {@code send-timeout}; after a failure this instance backs off (doubling, capped),
 * so an instance cut off from the broker does not keep the lock from instances that reach it. A row the broker
 * refuses for good is moved to {@code outbox_event_set_aside} with the reason, and the rows after it go on.
 */
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    static final long RELAY_LOCK = 0x4164656d7061757aL; // "Adempauz"
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** Beyond the lock wait and the send: the batch's own statements, each bounded by the statement timeout. */
    private static final Duration DATABASE_MARGIN = Duration.ofSeconds(30);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final URI source;
    private final OutboxRelaySettings settings;
    private final RelayBackoff backoff;
    private final ScheduledThreadPoolExecutor worker;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Counter published;
    private final Counter setAside;
    private final Counter failures;
    /** Only the worker thread reads and writes it. */
    private boolean backingOff;

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> kafka,
                       String serviceName, MeterRegistry meters) {
        this(db, tx, kafka, serviceName, meters, OutboxRelaySettings.DEFAULTS);
    }

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> kafka,
                       String serviceName, MeterRegistry meters, OutboxRelaySettings settings) {
        this.db = db;
        this.tx = tx;
        this.kafka = kafka;
        this.source = URI.create("/adempauze/" + serviceName);
        this.settings = settings;
        this.backoff = new RelayBackoff(settings.firstBackoff(), settings.maxBackoff());
        this.worker = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "outbox-relay"));
        this.worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.published = meters.counter("adempauze.outbox.published");
        this.setAside = meters.counter("adempauze.outbox.set.aside");
        this.failures = meters.counter("adempauze.outbox.relay.failures");
    }

    /** Drain the outbox soon; calls made while a drain is already queued fold into it. */
    public void publishSoon() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                queued.set(false); // the rows wait for the next start's poll
            }
        }
    }

    @Scheduled(fixedDelayString = "${adempauze.outbox.poll-interval:PT1S}")
    public void poll() {
        publishSoon();
    }

    private void drain() {
        queued.set(false);
        if (backingOff) {
            return; // a drain is scheduled for when the backoff ends
        }
        try {
            BatchOutcome batch;
            do {
                batch = tx.transactional(publishBatch()).block(settings.lockWait().plus(settings.sendTimeout())
                        .plus(DATABASE_MARGIN));
                report(batch);
                if (batch.failure() != null) {
                    backOff(batch.failure());
                    return;
                }
            } while (batch.read() == BATCH);
            backoff.reset();
        } catch (RuntimeException e) {
            if (lockBusy(e)) {
                publishSoon(); // the holder is still at it; each wait is bounded by lock-wait
            } else {
                backOff(e);
            }
        }
    }

    private void report(BatchOutcome batch) {
        published.increment(batch.published());
        for (SetAside row : batch.setAside()) {
            setAside.increment();
            log.warn("Outbox event {} ({} on {}) set aside: the broker refused it for good: {}", row.row().eventId(),
                    row.row().type(), row.row().topic(), row.reason());
        }
    }

    private void backOff(Throwable failure) {
        failures.increment();
        Duration wait = backoff.afterFailure();
        backingOff = true;
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        log.warn("Outbox relay could not publish, retrying in {} ms: {}{}", wait.toMillis(), failure,
                cause == failure ? "" : " (" + cause + ")");
        try {
            worker.schedule(() -> {
                backingOff = false;
                publishSoon();
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // the rows wait for the next start's poll
        }
    }

    private static boolean lockBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc && LOCK_NOT_AVAILABLE.equals(r2dbc.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private Mono<BatchOutcome> publishBatch() {
        // One relay per database at a time: two instances sending interleaved batches could reorder the events
        // of one key (a withdrawal overtaking its hold request). The lock ends with the transaction. Waiting for it
        // (not trying once) means a wake-up is never lost: whoever gets it next reads every row committed so far.
        // One round trip: the subquery (volatile, so evaluated first) bounds the wait the lock then makes.
        return db.sql("""
                        SELECT pg_advisory_xact_lock(:lock)
                        FROM (SELECT set_config('lock_timeout', :wait, true)) AS bounded_wait""")
                .bind("wait", settings.lockWait().toMillis() + "ms")
                .bind("lock", RELAY_LOCK)
                .then()
                .then(nextRows())
                .flatMap(rows -> rows.isEmpty() ? Mono.just(BatchOutcome.NOTHING)
                        : send(rows).flatMap(outcome -> settle(outcome).thenReturn(outcome)));
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

    private Mono<BatchOutcome> send(List<OutboxRow> rows) {
        // Off the database driver's event loop: a producer's send may block (up to max.block.ms) while the broker
        // is away, and a blocked event loop would stall every request whose connection it serves.
        return Mono.fromCallable(() -> sendAll(rows)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Sends in order and waits for the acknowledgements until the send timeout; stops at the first row that failed. */
    private BatchOutcome sendAll(List<OutboxRow> rows) {
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        List<CompletableFuture<Delivery>> deliveries = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            CompletableFuture<Delivery> delivery = deliver(row);
            deliveries.add(delivery);
            // the broker away: each further send would block max.block.ms for nothing
            if ((delivery.isDone() && delivery.join().failure() != null) || System.nanoTime() - deadline >= 0) {
                break;
            }
        }
        awaitUntil(deliveries, deadline);
        List<Long> sent = new ArrayList<>();
        List<SetAside> refused = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Delivery delivery = i < deliveries.size() && deliveries.get(i).isDone() ? deliveries.get(i).join()
                    : Delivery.failed(new TimeoutException("no acknowledgement within " + settings.sendTimeout()));
            if (delivery.failure() != null) {
                // this row and the ones after it stay, in order, for the next attempt
                return new BatchOutcome(rows.size(), sent, refused, delivery.failure());
            }
            if (delivery.refusal() != null) {
                refused.add(new SetAside(rows.get(i), delivery.refusal()));
            } else {
                sent.add(rows.get(i).seq());
            }
        }
        return new BatchOutcome(rows.size(), sent, refused, null);
    }

    private CompletableFuture<Delivery> deliver(OutboxRow row) {
        ProducerRecord<String, byte[]> record;
        try {
            record = toRecord(row);
        } catch (RuntimeException unencodable) {
            return CompletableFuture.completedFuture(Delivery.refused("not a valid CloudEvent: "
                    + BrokerRefusal.reason(unencodable)));
        }
        CompletableFuture<?> ack;
        try {
            ack = kafka.send(record);
        } catch (RuntimeException failed) { // the template throws what fails at once (too large, metadata timeout)
            ack = CompletableFuture.failedFuture(failed);
        }
        return ack.handle((result, failure) -> failure == null ? Delivery.SENT
                : BrokerRefusal.of(failure).map(Delivery::refused).orElseGet(() -> Delivery.failed(failure)));
    }

    private static void awaitUntil(List<CompletableFuture<Delivery>> deliveries, long deadline) {
        try {
            CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // each delivery is looked at on its own
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes what the broker acknowledged and sets aside what it refused, in the batch's transaction. */
    private Mono<Void> settle(BatchOutcome outcome) {
        Mono<Void> delete = outcome.sent().isEmpty() ? Mono.empty()
                : db.sql("DELETE FROM outbox_event WHERE seq = ANY(:seqs)")
                .bind("seqs", outcome.sent().toArray(Long[]::new))
                .then();
        return delete.thenMany(Flux.fromIterable(outcome.setAside()).concatMap(this::setAside)).then();
    }

    private Mono<Void> setAside(SetAside refused) {
        return db.sql("""
                        WITH moved AS (DELETE FROM outbox_event WHERE seq = :seq RETURNING *)
                        INSERT INTO outbox_event_set_aside (seq, event_id, topic, message_key, event_type, subject,
                                                            payload, traceparent, occurred_at, reason)
                        SELECT seq, event_id, topic, message_key, event_type, subject, payload, traceparent,
                               occurred_at, :reason
                        FROM moved""")
                .bind("seq", refused.row().seq())
                .bind("reason", refused.reason())
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

    /** What became of one row's send: acknowledged, refused for good (with the reason), or failed for now. */
    private record Delivery(String refusal, Throwable failure) {

        static final Delivery SENT = new Delivery(null, null);

        static Delivery refused(String reason) {
            return new Delivery(reason, null);
        }

        static Delivery failed(Throwable failure) {
            return new Delivery(null, failure);
        }
    }

    private record SetAside(OutboxRow row, String reason) {
    }

    /** One batch: the rows read, the ones acknowledged and set aside, and the failure that ended it early, if any. */
    private record BatchOutcome(int read, List<Long> sent, List<SetAside> setAside, Throwable failure) {

        static final BatchOutcome NOTHING = new BatchOutcome(0, List.of(), List.of(), null);

        int published() {
            return sent.size();
        }
    }
}
