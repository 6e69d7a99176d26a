package nl.adempauze.notification.application;

import java.time.Clock;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.notification.domain.Audience;
import nl.adempauze.notification.domain.EventAttributes;
import nl.adempauze.notification.domain.KnownRequest;
import nl.adempauze.notification.persistence.KnownRequestRepository;
import nl.adempauze.platform.inbox.IncomingEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Decides who may see an incoming event (see {@link Audience}). A {@link RequestSubmitted} is remembered first,
 * so the request's later events can be shown to the referrer organisation that follows it; every other event of
 * a request is looked up. Remembering is idempotent, so running it in the webhook consumer's inbox transaction and
 * again on the live path (which may read the request's events before that transaction commits) is harmless.
 */
@Component
public class Audiences {

    private final KnownRequestRepository requests;
    private final Clock clock;

    public Audiences(KnownRequestRepository requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    public Mono<Audience> of(IncomingEvent event) {
        EventAttributes attributes = EventAttributes.of(event.payload());
        if (event.payload() instanceof RequestSubmitted) {
            KnownRequest submitted = KnownRequest.of((RequestSubmitted) event.payload());
            return requests.remember(submitted, ((RequestSubmitted) event.payload()).municipality(), clock.instant())
                    .thenReturn(Audience.of(attributes, submitted));
        }
        String requestId = attributes.get(EventAttributes.REQUEST_ID);
        if (requestId == null) {
            return Mono.just(Audience.of(attributes, null));
        }
        return requests.find(requestId)
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
