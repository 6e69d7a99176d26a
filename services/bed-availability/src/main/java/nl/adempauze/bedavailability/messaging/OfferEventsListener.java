package nl.adempauze.bedavailability.messaging;

import nl.adempauze.bedavailability.application.HoldService;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.OfferExpired;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.platform.inbox.IncomingEvent;
import java.util.List;
import nl.adempauze.platform.messaging.EventConsumer;
import nl.adempauze.platform.messaging.HandledEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Holds and releases beds as request-matching's offers come and go. */
@Component
public class OfferEventsListener {

    static final String CONSUMER = "bed-availability-offers";
    /** What {@link #apply} acts on; OfferMade changes nothing here and is passed by unread. */
    private static final HandledEvents HANDLED = HandledEvents.of(HoldRequested.class, OfferAccepted.class,
            OfferDeclined.class, OfferExpired.class, OfferWithdrawn.class);

    private final EventConsumer consumer;
    private final HoldService holds;

    public OfferEventsListener(EventConsumer consumer, HoldService holds) {
        this.consumer = consumer;
        this.holds = holds;
    }

    @KafkaListener(id = CONSUMER, topics = "#{T(nl.adempauze.contracts.EventCatalogue).OFFERS.name()}",
            groupId = EventCatalogue.BED_AVAILABILITY, batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        consumer.consumeAll(CONSUMER, records, HANDLED, this::apply);
    }

    private Mono<Void> apply(IncomingEvent event) {
        Object payload = event.payload();
        if (payload instanceof HoldRequested requested) {
            return holds.hold(requested);
        }
        if (payload instanceof OfferAccepted accepted) {
            return holds.accept(accepted.offerId());
        }
        if (payload instanceof OfferDeclined declined) {
            return holds.release(declined.offerId(), declined.requestId(), declined.locationId(), declined.careType(),
                    "OFFER_DECLINED");
        }
        if (payload instanceof OfferExpired expired) {
            return holds.release(expired.offerId(), expired.requestId(), expired.locationId(), expired.careType(),
                    "OFFER_EXPIRED");
        }
        if (payload instanceof OfferWithdrawn withdrawn) {
            return holds.release(withdrawn.offerId(), withdrawn.requestId(), withdrawn.locationId(),
                    withdrawn.careType(), "OFFER_WITHDRAWN");
        }
        return Mono.empty(); // not in HANDLED
    }
}
