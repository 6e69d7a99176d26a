package nl.adempauze.notification.application;

import java.time.Duration;
import nl.adempauze.notification.domain.Audience;
import nl.adempauze.notification.domain.EventAttributes;
import nl.adempauze.notification.domain.Scope;
import nl.adempauze.notification.domain.Viewer;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.platform.inbox.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Hands each consumed event, with who may see it, to every open live stream at once. Best effort by design: a
 * viewer that cannot keep up misses events rather than slowing the consumer or the other viewers, and nobody
 * listening costs nothing. The board reloads state over HTTP; the stream only keeps it fresh.
 */
@Component
public class LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();
    private final Audiences audiences;
    private final EnvelopeWriter envelopes;

    public LiveFeed(Audiences audiences, EnvelopeWriter envelopes) {
        this.audiences = audiences;
        this.envelopes = envelopes;
    }

    /**
     * Streams the event to whoever may see it (a submitted request is kept in memory here too, so its next events
     * find their referrer even before the webhook consumer has got to it). Blocks briefly on that lookup: it runs on
     * the live consumer's thread, which has nothing else to do. With no stream open, nothing is looked up or written.
     */
    public void publish(IncomingEvent event) {
        if (sink.currentSubscriberCount() == 0) {
            if (event.payload() instanceof RequestSubmitted) {
                audienceOf(event); // kept for the stream that opens next (in memory, at once)
            }
            return;
        }
        emit(new LiveEvent(event.id(), event.type(), EventAttributes.of(event.payload()), audienceOf(event),
                envelopes.write(event)));
    }

    /** Every event published from now on. */
    public Flux<LiveEvent> events() {
        return sink.asFlux();
    }

    /** The events from now on that {@code viewer} may see, narrowed by {@code filter}. */
    public Flux<LiveEvent> eventsFor(Viewer viewer, Scope filter) {
        return events().filter(event -> event.audience().admits(viewer) && filter.matches(event.attributes()));
    }

    /** Synchronized because a sink accepts one emitter at a time and listeners may run on several threads. */
    private synchronized void emit(LiveEvent event) {
        sink.tryEmitNext(event);
    }

    /** Who may see it; if the database cannot say, only what the event itself tells (never more). */
    private Audience audienceOf(IncomingEvent event) {
        try {
            Audience audience = audiences.ofStreamed(event).block(LOOKUP_TIMEOUT);
            return audience == null ? Audiences.fromEventAlone(event) : audience;
        } catch (RuntimeException e) {
            log.warn("Live stream cannot look up who may see {} {}, showing it by its own fields only: {}",
                    event.type(), event.id(), e.toString());
            return Audiences.fromEventAlone(event);
        }
    }
}
