package nl.adempauze.requestmatching.application;

import java.util.List;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.outbox.Outbox;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.Offer;
import nl.adempauze.requestmatching.persistence.EscalationLog;
import nl.adempauze.requestmatching.persistence.OfferRepository;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps what an aggregate method answered: saves the changed aggregate (from the status it was loaded in) and
 * appends its events to the outbox, in the caller's transaction. An escalation also goes on the request's list of
 * escalations, as its event says.
 */
@Component
class Changes {

    private final RequestRepository requests;
    private final OfferRepository offers;
    private final EscalationLog escalations;
    private final Outbox outbox;

    Changes(RequestRepository requests, OfferRepository offers, EscalationLog escalations, Outbox outbox) {
        this.requests = requests;
        this.offers = offers;
        this.escalations = escalations;
        this.outbox = outbox;
    }

    /** Saves {@code changed}, made from {@code before}, and publishes its events; answers the request as it is now. */
    Mono<MatchingRequest> request(MatchingRequest before, Changed<MatchingRequest> changed) {
        return requests.save(changed.aggregate(), before.status())
                .then(publish(changed.events()))
                .thenReturn(changed.aggregate());
    }

    /** Saves {@code changed}, made from {@code before}, and publishes its events; answers the offer as it is now. */
    Mono<Offer> offer(Offer before, Changed<Offer> changed) {
        return offers.save(changed.aggregate(), before.status())
                .then(publish(changed.events()))
                .thenReturn(changed.aggregate());
    }

    /** Stores a new offer and publishes its events. */
    Mono<Offer> newOffer(Changed<Offer> created) {
        return offers.insert(created.aggregate()).then(publish(created.events())).thenReturn(created.aggregate());
    }

    /** Appends events to the outbox (recording escalations on the way); nothing to do for none. */
    Mono<Void> publish(List<Object> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(events)
                .filter(RequestEscalated.class::isInstance)
                .concatMap(escalated -> escalations.record((RequestEscalated) escalated))
                .then(outbox.append(events));
    }
}
