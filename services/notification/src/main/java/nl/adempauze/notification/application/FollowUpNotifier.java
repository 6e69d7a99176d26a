package nl.adempauze.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.notification.domain.Channel;
import nl.adempauze.notification.domain.EventAttributes;
import nl.adempauze.notification.domain.FollowUp;
import nl.adempauze.notification.domain.FollowUpEvent;
import nl.adempauze.notification.domain.FollowUpMessage;
import nl.adempauze.notification.domain.KnownLocation;
import nl.adempauze.notification.persistence.FollowUpRepository;
import nl.adempauze.notification.persistence.KnownLocationRepository;
import nl.adempauze.notification.persistence.PageDeliveryRepository;
import nl.adempauze.platform.inbox.IncomingEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells a referrer who asked for it (see {@link FollowUp}) that its request was placed, escalated, booked or is about
 * to begin. Runs in the consumer's inbox transaction, as the {@link Pager} does: the messages are stored there, one
 * per event and channel (so an event delivered twice sends once), and sent after commit by the
 * {@link PageDispatcher}, which also retries them. Remembers each location's name and address on the way.
 */
@Component
public class FollowUpNotifier {

    private final FollowUpRepository followUps;
    private final KnownLocationRepository locations;
    private final PageDeliveryRepository deliveries;
    private final PageDispatcher dispatcher;
    private final Clock clock;

    public FollowUpNotifier(FollowUpRepository followUps, KnownLocationRepository locations,
                            PageDeliveryRepository deliveries, PageDispatcher dispatcher, Clock clock) {
        this.followUps = followUps;
        this.locations = locations;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Whether the event may lead to a follow-up message or is a location to remember. */
    public boolean mayAct(IncomingEvent event) {
        return event.payload() instanceof LocationRegistered || FollowUpEvent.of(event.payload()).isPresent();
    }

    public Mono<Void> handle(IncomingEvent event) {
        if (event.payload() instanceof LocationRegistered registered) {
            return locations.remember(KnownLocation.of(registered), clock.instant());
        }
        Optional<FollowUpEvent> kind = FollowUpEvent.of(event.payload());
        String requestId = EventAttributes.of(event.payload()).get(EventAttributes.REQUEST_ID);
        if (kind.isEmpty() || requestId == null) {
            return Mono.empty();
        }
        return followUps.find(requestId)
                .filter(followUp -> followUp.wants(kind.get()))
                .flatMap(followUp -> location(event.payload())
                        .flatMap(location -> store(event, kind.get(), followUp, location.orElse(null))))
                .flatMap(dispatcher::dispatchAfterCommit);
    }

    private Mono<List<UUID>> store(IncomingEvent event, FollowUpEvent kind, FollowUp followUp,
                                   KnownLocation location) {
        Instant now = clock.instant();
        return Flux.concat(
                        message(event, kind, followUp, location, Channel.EMAIL, followUp.email(), now),
                        message(event, kind, followUp, location, Channel.SMS, followUp.phone(), now))
                .collectList();
    }

    private Mono<UUID> message(IncomingEvent event, FollowUpEvent kind, FollowUp followUp, KnownLocation location,
                               Channel channel, String address, Instant now) {
        if (address == null) {
            return Mono.empty();
        }
        FollowUpMessage text = FollowUpMessage.of(kind, followUp.requestId(), event.payload(), location, channel);
        return deliveries.insertFollowUp(event.id(), followUp.organisation(), channel, address, text.subject(),
                text.text(), now);
    }

    /** The location the event names; one named by its id alone when notification has not heard of it. */
    private Mono<Optional<KnownLocation>> location(Object payload) {
        String locationId = EventAttributes.of(payload).get(EventAttributes.LOCATION_ID);
        if (locationId == null) {
            return Mono.just(Optional.empty());
        }
        return locations.find(locationId)
                .defaultIfEmpty(new KnownLocation(locationId, "locatie " + locationId, null, null, null))
                .map(Optional::of);
    }
}
