package nl.adempauze.notification.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.notification.domain.EventAttributes;
import nl.adempauze.notification.domain.NotifiedEvents;
import nl.adempauze.notification.domain.Subscription;
import nl.adempauze.notification.persistence.DeliveryRepository;
import nl.adempauze.notification.persistence.SubscriptionRepository;
import nl.adempauze.platform.inbox.IncomingEvent;
import nl.adempauze.platform.persistence.AfterCommit;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records one pending delivery per interested subscriber whose owner may see the event (see
 * {@link nl.adempauze.notification.domain.Audience}), inside the transaction that marks the event processed
 * (which also remembers a submitted request), and starts sending them as soon as that transaction commits, so
 * a subscriber does not wait for the poller and a delivery is never sent for an event whose processing was rolled
 * back.
 */
@Component
public class WebhookFanOut {

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final EnvelopeWriter envelopes;
    private final WebhookDispatcher dispatcher;
    private final Audiences audiences;
    private final Clock clock;

    public WebhookFanOut(SubscriptionRepository subscriptions, DeliveryRepository deliveries,
                         EnvelopeWriter envelopes, WebhookDispatcher dispatcher, Audiences audiences, Clock clock) {
        this.subscriptions = subscriptions;
        this.audiences = audiences;
        this.deliveries = deliveries;
        this.envelopes = envelopes;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Whether handling may write anything: a submitted request is remembered, a notified event may have takers. */
    public Mono<Boolean> mayAct(IncomingEvent event) {
        if (event.payload() instanceof RequestSubmitted) {
            return Mono.just(true);
        }
        return NotifiedEvents.isNotified(event.type()) ? subscriptions.anyActiveFor(event.type()) : Mono.just(false);
    }

    public Mono<Void> handle(IncomingEvent event) {
        if (!NotifiedEvents.isNotified(event.type())) {
            return Mono.empty();
        }
        // who subscribed first: most events have no subscriber, and then only a submitted request is remembered
        return subscriptions.findActiveFor(event.type()).collectList().flatMap(candidates -> candidates.isEmpty()
                ? audiences.of(event).then()
                : fanOut(event, candidates));
    }

    private Mono<Void> fanOut(IncomingEvent event, List<Subscription> candidates) {
        EventAttributes attributes = EventAttributes.of(event.payload());
        String body = envelopes.write(event);
        return audiences.of(event)
                .flatMap(audience -> Flux.fromIterable(candidates)
                        .filter(subscription -> subscription.wants(event.type(), attributes, audience))
                        .concatMap(subscription -> deliveries.insert(subscription.id(), event.id(), event.type(),
                                body, clock.instant()))
                        .collectList())
                .flatMap(this::sendAfterCommit);
    }

    private Mono<Void> sendAfterCommit(List<UUID> created) {
        if (created.isEmpty()) {
            return Mono.empty();
        }
        return AfterCommit.run(() -> dispatcher.dispatch(created));
    }
}
