package nl.adempauze.platform.inbox;

import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
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
}
