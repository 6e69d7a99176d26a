package nl.adempauze.platform.inbox;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Idempotent consumption: the event id is recorded in the same transaction as the change the event causes,
 * so an event delivered twice is applied once (Debezium's MessageLog pattern).
 */
public class EventInbox {

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public EventInbox(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /** Runs {@code change} in one transaction with the processed-event row, unless the event was seen before. */
    public Mono<Boolean> processOnce(String consumer, IncomingEvent event, Supplier<Mono<Void>> change) {
        Mono<Boolean> work = db.sql("""
                        INSERT INTO processed_event (consumer, event_id, event_type) VALUES (:consumer, :id, :type)
                        ON CONFLICT DO NOTHING""")
                .bind("consumer", consumer)
                .bind("id", event.id())
                .bind("type", event.type())
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false) : change.get().thenReturn(true));
        return tx.transactional(work);
    }

    /**
     * As {@link #processOnce} for several events in one transaction: their processed-event rows in one statement,
     * then {@code change} for each event not seen before, one after the other in the given order. An event twice in
     * the list is applied once. Answers how many events were applied; if any change fails, none is.
     */
    public Mono<Integer> processAllOnce(String consumer, List<IncomingEvent> events,
                                        Function<IncomingEvent, Mono<Void>> change) {
        Map<String, String> typeById = new LinkedHashMap<>();
        events.forEach(event -> typeById.putIfAbsent(event.id(), event.type()));
        Mono<Integer> work = db.sql("""
                        INSERT INTO processed_event (consumer, event_id, event_type)
                        SELECT :consumer, id, type FROM unnest(CAST(:ids AS text[]), CAST(:types AS text[])) AS e(id, type)
                        ON CONFLICT DO NOTHING
                        RETURNING event_id""")
                .bind("consumer", consumer)
                .bind("ids", typeById.keySet().toArray(String[]::new))
                .bind("types", typeById.values().toArray(String[]::new))
                .map(row -> row.get("event_id", String.class))
                .all().collect(HashSet<String>::new, Set::add)
                .flatMap(inserted -> Flux.fromIterable(events)
                        // remove: a second copy of an event in the list finds its id gone and is not applied again
                        .filter(event -> inserted.remove(event.id()))
                        .concatMap(event -> change.apply(event).thenReturn(event))
                        .count().map(Long::intValue));
        return tx.transactional(work);
    }
}
