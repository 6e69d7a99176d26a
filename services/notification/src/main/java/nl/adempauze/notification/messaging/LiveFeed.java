package nl.adempauze.notification.messaging;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Hands each consumed event to every open live stream at once. Best effort by design: a viewer that cannot
 * keep up misses events rather than slowing the consumer or the other viewers, and nobody listening costs
 * nothing. The board reloads state over HTTP; the stream only keeps it fresh.
 */
@Component
public class LiveFeed {

    private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();

    /** Synchronized because a sink accepts one emitter at a time and listeners may run on several threads. */
    public synchronized void publish(LiveEvent event) {
        sink.tryEmitNext(event);
    }

    public Flux<LiveEvent> events() {
        return sink.asFlux();
    }
}
