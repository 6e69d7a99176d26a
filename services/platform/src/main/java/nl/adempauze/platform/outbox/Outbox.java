package nl.adempauze.platform.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.EventCodec;
import nl.adempauze.contracts.EventDefinition;
import nl.adempauze.contracts.Topic;
import nl.adempauze.platform.persistence.AfterCommit;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends events to the outbox inside the caller's database transaction, and asks the relay to publish them
 * as soon as that transaction commits. Outside a transaction it fails: an event must never exist without the
 * state change it reports. A service writes only the topics it owns (see {@link Topic#owner()}).
 */
public class Outbox {

    private final DatabaseClient db;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final TraceContext traceContext;
    private final Clock clock;
    private final String service;

    public Outbox(DatabaseClient db, EventCodec codec, OutboxRelay relay, TraceContext traceContext, Clock clock,
                  String service) {
        this.service = service;
        this.db = db;
        this.codec = codec;
        this.relay = relay;
        this.traceContext = traceContext;
        this.clock = clock;
    }

    public Mono<Void> append(Object... events) {
        return append(List.of(events));
    }

    /** Fails, writing nothing, if any event belongs on a topic another service owns. */
    public Mono<Void> append(List<?> events) {
        for (Object event : events) {
            Topic topic = EventCatalogue.of(event).topic();
            if (!topic.owner().equals(service)) {
                return Mono.error(new IllegalStateException(service + " may not write " + event.getClass().getSimpleName()
                        + ": topic " + topic.name() + " is written only by " + topic.owner()));
            }
        }
        return AfterCommit.run(relay::publishSoon)
                .then(traceContext.currentTraceparent().defaultIfEmpty(""))
                .flatMapMany(traceparent -> Flux.fromIterable(events).concatMap(event -> insert(event, traceparent)))
                .then();
    }

    private Mono<Void> insert(Object event, String traceparent) {
        EventDefinition<?> definition = EventCatalogue.of(event);
        String key = definition.keyFor(event);
        byte[] payload = codec.encode(event);
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO outbox_event (event_id, topic, message_key, event_type, subject, payload,
                                                  traceparent, occurred_at)
                        VALUES (:eventId, :topic, :key, :type, :subject, :payload, :traceparent, :occurredAt)""")
                .bind("eventId", UUID.randomUUID())
                .bind("topic", definition.topic().name())
                .bind("key", key)
                .bind("type", definition.type())
                .bind("subject", key)
                .bind("payload", payload)
                .bind("occurredAt", clock.instant().atOffset(java.time.ZoneOffset.UTC));
        spec = SqlBinds.nullable(spec, "traceparent", traceparent.isEmpty() ? null : traceparent, String.class);
        return spec.then();
    }
}
