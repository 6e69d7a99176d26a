package nl.adempauze.platform.messaging;

import java.time.Duration;
import java.util.function.Function;
import nl.adempauze.platform.inbox.EventDecoder;
import nl.adempauze.platform.inbox.EventInbox;
import nl.adempauze.platform.inbox.IncomingEvent;
import nl.adempauze.platform.outbox.TraceContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The path every Kafka record takes in every service: decode and check against the contract (invalid records
 * throw and are dead-lettered by the container's error handler), then apply once, in one transaction with the
 * processed-event row and any events the change emits. Listener threads may block: they are not event loops.
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

    public void consume(String consumer, ConsumerRecord<String, byte[]> record, EventHandler handler) {
        consume(consumer, record, event -> Mono.just(true), handler);
    }

    /**
     * As {@link #consume(String, ConsumerRecord, EventHandler)}, but only when {@code worthApplying} says the handler
     * may change something for this event: otherwise no transaction and no processed-event row (an event that
     * changes nothing needs no protection against coming twice). Read outside the transaction, so it may only say
     * no where the handler would do nothing.
     */
    public void consume(String consumer, ConsumerRecord<String, byte[]> record,
                        Function<IncomingEvent, Mono<Boolean>> worthApplying, EventHandler handler) {
        IncomingEvent event = decoder.decode(record);
        String traceparent = traceContext.fromTracer();
        if (traceparent == null) {
            traceparent = event.traceparent();
        }
        Context context = traceparent == null ? Context.empty() : Context.of(TraceContext.TRACEPARENT, traceparent);
        Boolean applied = worthApplying.apply(event)
                .flatMap(worth -> worth ? inbox.processOnce(consumer, event, () -> handler.handle(event))
                        : Mono.just(Boolean.FALSE))
                .contextWrite(context)
                .block(HANDLING_TIMEOUT);
        if (!Boolean.TRUE.equals(applied)) {
            log.debug("{} skipped {} {}: already processed, or nothing to do", consumer, event.type(), event.id());
        }
    }
}
