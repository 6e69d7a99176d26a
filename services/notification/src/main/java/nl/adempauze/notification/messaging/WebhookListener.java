package nl.adempauze.notification.messaging;

import java.util.List;
import nl.adempauze.notification.application.FollowUpNotifier;
import nl.adempauze.notification.application.Pager;
import nl.adempauze.notification.application.WebhookFanOut;
import nl.adempauze.notification.domain.NotifiedEvents;
import nl.adempauze.platform.messaging.EventConsumer;
import nl.adempauze.platform.messaging.HandledEvents;
import nl.adempauze.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns consumed events into webhook deliveries, escalations into pages, and a request's news into the messages its
 * referrer asked for (follow-ups), all in the inbox transaction. All
 * instances share one consumer group, and the platform's inbox applies each event once, so every subscriber gets
 * one delivery per event, and every escalation one page, also when Kafka redelivers.
 * Unreadable records are dead-lettered by the platform's error handler.
 */
@Component
public class WebhookListener {

    static final String CONSUMER = "notification-webhooks";
    /** HoldRequested, an internal step, is neither delivered, paged nor followed up: passed by unread. */
    private static final HandledEvents NOTIFIED = HandledEvents.ofTypes(NotifiedEvents.TYPES);

    private final EventConsumer eventConsumer;
    private final WebhookFanOut fanOut;
    private final Pager pager;
    private final FollowUpNotifier followUps;

    public WebhookListener(EventConsumer eventConsumer, WebhookFanOut fanOut, Pager pager,
                           FollowUpNotifier followUps) {
        this.eventConsumer = eventConsumer;
        this.fanOut = fanOut;
        this.pager = pager;
        this.followUps = followUps;
    }

    @KafkaListener(id = "notification-webhooks", groupId = "${adempauze.notification.group-id:notification}",
            topics = {
                    "#{T(nl.adempauze.contracts.EventCatalogue).OFFERS.name()}",
                    "#{T(nl.adempauze.contracts.EventCatalogue).REQUESTS.name()}",
                    "#{T(nl.adempauze.contracts.EventCatalogue).CAPACITY.name()}",
                    "#{T(nl.adempauze.contracts.EventCatalogue).LOCATIONS.name()}"}, batch = "true")
    public void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        eventConsumer.consumeAll(CONSUMER, records, NOTIFIED, this::mayAct, event -> fanOut.handle(event)
                .then(pager.handle(event))
                .then(followUps.handle(event)));
    }

    /** Most events change nothing here (no subscriber, no escalation, no follow-up): they take no transaction. */
    private Mono<Boolean> mayAct(IncomingEvent event) {
        return pager.mayAct(event) || followUps.mayAct(event) ? Mono.just(true) : fanOut.mayAct(event);
    }
}
