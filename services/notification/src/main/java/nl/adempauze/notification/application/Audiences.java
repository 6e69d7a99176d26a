package nl.adempauze.notification.application;

import java.time.Clock;
import java.time.Duration;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.notification.domain.Audience;
import nl.adempauze.notification.domain.EventAttributes;
import nl.adempauze.notification.domain.KnownRequest;
import nl.adempauze.notification.persistence.KnownRequestRepository;
import nl.adempauze.platform.inbox.IncomingEvent;
import nl.adempauze.platform.persistence.RecentlyRead;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Decides who may see an incoming event (see {@link Audience}). A {@link RequestSubmitted} is remembered first,
 * so the request's later events can be shown to the referrer organisation that follows it; every other event of
 * a request is looked up (and kept in memory a while: what notification knows of a request never changes).
 */
@Component
public class Audiences {

    private final KnownRequestRepository requests;
    private final Clock clock;
    /** Known requests never change once remembered: kept a while, as each is looked up by several of its events. */
    private final RecentlyRead<String, KnownRequest> recentlyKnown = new RecentlyRead<>(Duration.ofMinutes(10), 50_000);

    public Audiences(KnownRequestRepository requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /** Who may see the event; a submitted request is remembered (in the caller's transaction). */
    public Mono<Audience> of(IncomingEvent event) {
        if (event.payload() instanceof RequestSubmitted submitted) {
            KnownRequest request = KnownRequest.of(submitted);
            return requests.remember(request, submitted.municipality(), clock.instant())
                    .then(Mono.fromRunnable(() -> recentlyKnown.keep(request.requestId(), request)))
                    .thenReturn(Audience.of(EventAttributes.of(submitted), request));
        }
        return lookedUp(event);
    }

    /**
     * As {@link #of}, for the live stream: a submitted request is kept in memory only (every instance streams every
     * event, and the webhook consumer remembers it durably), so its next events find their referrer even before
     * that consumer's transaction commits.
     */
    public Mono<Audience> ofStreamed(IncomingEvent event) {
        if (event.payload() instanceof RequestSubmitted submitted) {
            KnownRequest request = KnownRequest.of(submitted);
            recentlyKnown.keep(request.requestId(), request);
            return Mono.just(Audience.of(EventAttributes.of(submitted), request));
        }
        return lookedUp(event);
    }

    private Mono<Audience> lookedUp(IncomingEvent event) {
        EventAttributes attributes = EventAttributes.of(event.payload());
        String requestId = attributes.get(EventAttributes.REQUEST_ID);
        if (requestId == null) {
            return Mono.just(Audience.of(attributes, null));
        }
        return recentlyKnown.get(requestId, () -> requests.find(requestId))
                .map(request -> Audience.of(attributes, request))
                .defaultIfEmpty(Audience.of(attributes, null));
    }

    /** Without the database: what the event itself tells, so a referrer sees only its own submissions. */
    public static Audience fromEventAlone(IncomingEvent event) {
        EventAttributes attributes = EventAttributes.of(event.payload());
        return Audience.of(attributes, event.payload() instanceof RequestSubmitted
                ? KnownRequest.of((RequestSubmitted) event.payload()) : null);
    }
}
