package nl.adempauze.bedavailability.messaging;

import nl.adempauze.bedavailability.application.HoldService;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.OfferExpired;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.platform.inbox.IncomingEvent;
import nl.adempauze.platform.messaging.EventConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Holds and releases beds as request-matching's offers come and go. */
@Component
public class OfferEventsListener {

    static final String CONSUMER = "bed-availability-offers";

    private final EventConsumer consumer;
    private final HoldService holds;

    public OfferEventsListener(EventConsumer consumer, HoldService holds) {
        this.consumer = consumer;
        this.holds = holds;
    }

    @KafkaListener(id = CONSUMER, topics = "#{T(nl.adempauze.contracts.EventCatalogue).OFFERS.name()}",
            groupId = EventCatalogue.BED_AVAILABILITY)
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, this::apply);
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
        return Mono.empty(); // OfferMade: nothing to do here
    }
}
