package nl.adempauze.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nl.adempauze.platform.inbox.EventDecoder;
import nl.adempauze.platform.inbox.EventInbox;
import nl.adempauze.platform.inbox.IncomingEvent;
import nl.adempauze.platform.outbox.TraceContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The path every Kafka record takes in every service: decode and check against the contract (invalid records
 * throw and are dead-lettered by the container's error handler), then apply once, in one transaction with the
 * processed-event row and any events the change emits. Records come a poll at a time (batch listeners), so that
 * transaction is shared by the events of a poll. Listener threads may block: they are not event loops.
 */
public class EventConsumer {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);
    private static final Duration HANDLING_TIMEOUT = Duration.ofSeconds(30);

    private final EventDecoder decoder;
    private final EventInbox inbox;
    private final TraceContext traceContext;

    public EventConsumer(EventDecoder decoder, EventInbox inbox, TraceContext traceContext) {
        this.decoder = decoder;
        this.inbox = inbox;
        this.traceContext = traceContext;
    }

    /**
     * A poll's records, for a batch listener: those of a type the listener does not handle are passed by unread; the
     * others are decoded and applied in one transaction, in record order, each once. The fixed cost of a
     * transaction and of the processed-event insert is paid per batch, not per event.
     * <p>
     * Each record keeps the guarantees it had alone. When a record cannot be read (or {@code worthApplying} fails
     * on it), the records before it are applied, and {@link BatchListenerFailedException} names it: the container's
     * error handler commits what went before, deals with that record as with a record listener's failure
     * (dead-letter at once, retry, or retry for ever) and delivers the rest again. When the batch's transaction
     * fails, each event is applied again in a transaction of its own, so one bad event cannot hold back the others,
     * and the first one that fails is named the same way.
     */
    public void consumeAll(String consumer, List<ConsumerRecord<String, byte[]>> records, HandledEvents handled,
                           EventHandler handler) {
        consumeAll(consumer, records, handled, event -> Mono.just(true), handler);
    }

    /**
     * As {@link #consumeAll(String, List, HandledEvents, EventHandler)}, applying only the events {@code
     * worthApplying} says the handler may change something for: the others take no processed-event row (an event
     * that changes nothing needs no protection against coming twice). Read outside the transaction, so it may only
     * say no where the handler would do nothing.
     */
    public void consumeAll(String consumer, List<ConsumerRecord<String, byte[]>> records, HandledEvents handled,
                           Function<IncomingEvent, Mono<Boolean>> worthApplying, EventHandler handler) {
        List<Pending> pending = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, byte[]> record = records.get(index);
            if (handled.passesBy(record)) {
                continue;
            }
            try {
                IncomingEvent event = decoder.decode(record);
                if (Boolean.TRUE.equals(worthApplying.apply(event).block(HANDLING_TIMEOUT))) {
                    pending.add(new Pending(index, event));
                }
            } catch (RuntimeException failure) {
                applyAll(consumer, pending, handler);
                throw new BatchListenerFailedException(failure.getMessage(), failure, index);
            }
        }
        applyAll(consumer, pending, handler);
    }

    private void applyAll(String consumer, List<Pending> pending, EventHandler handler) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            Integer applied = inbox.processAllOnce(consumer, pending.stream().map(Pending::event).toList(),
                            event -> Mono.defer(() -> handler.handle(event)).contextWrite(traceOf(event)))
                    .block(HANDLING_TIMEOUT);
            log.debug("{} applied {} of {} events in one transaction", consumer, applied, pending.size());
        } catch (RuntimeException batchFailure) {
            log.warn("{}: a batch of {} events failed ({}); applying them one by one", consumer, pending.size(),
                    batchFailure.toString());
            applyOneByOne(consumer, pending, handler);
        }
    }

    private void applyOneByOne(String consumer, List<Pending> pending, EventHandler handler) {
        for (Pending one : pending) {
            IncomingEvent event = one.event();
            try {
                inbox.processOnce(consumer, event, () -> handler.handle(event))
                        .contextWrite(traceOf(event))
                        .block(HANDLING_TIMEOUT);
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException(consumer + " failed on " + event.type() + " " + event.id(),
                        failure, one.index());
            }
        }
    }

    /**
     * The event's own traceparent, so what it causes joins its trace; a batch has no span per record, so the
     * tracer's current span (if any) is only the fallback here.
     */
    private Context traceOf(IncomingEvent event) {
        String traceparent = event.traceparent() != null ? event.traceparent() : traceContext.fromTracer();
        return traceparent == null ? Context.empty() : Context.of(TraceContext.TRACEPARENT, traceparent);
    }

    /** A decoded event to apply, with its record's position in the batch (what the error handler is told). */
    private record Pending(int index, IncomingEvent event) {
    }
}
