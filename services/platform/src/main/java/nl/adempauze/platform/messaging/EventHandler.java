package nl.adempauze.platform.messaging;

import nl.adempauze.platform.inbox.IncomingEvent;
import reactor.core.publisher.Mono;

/** What a service does with one incoming event, inside the idempotency transaction. */
@FunctionalInterface
public interface EventHandler {

    Mono<Void> handle(IncomingEvent event);
}
