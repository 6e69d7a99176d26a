package nl.adempauze.notification.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.adempauze.contracts.EventCodec;
import nl.adempauze.contracts.InvalidEventException;
import nl.adempauze.notification.application.LiveFeed;
import nl.adempauze.notification.domain.NotifiedEvents;
import nl.adempauze.platform.inbox.EventDecoder;
import nl.adempauze.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the live stream. Every instance has a consumer group of its own, so each instance's viewers see every
 * event, starting from the latest: the live board shows what happens now, not history. Records that cannot be
 * read are skipped here; the webhook consumer group dead-letters them, once. Kafka delivers at least once: an
 * event that comes again (same CloudEvent id, among the last {@value #REMEMBERED} streamed) is not streamed again.
 */
@Component
public class LiveListener {

    public static final String ID = "notification-live";
    private static final Logger log = LoggerFactory.getLogger(LiveListener.class);

    private static final int REMEMBERED = 10_000;

    private final EventDecoder decoder;
    private final LiveFeed feed;
    /** Ids of the events streamed last, oldest first. */
    private final Set<String> streamed = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    public LiveListener(EventCodec codec, LiveFeed feed) {
        this.decoder = new EventDecoder(codec);
        this.feed = feed;
    }

    @KafkaListener(id = ID, groupId = "notification-live-${random.uuid}",
            topics = {
                    "#{T(nl.adempauze.contracts.EventCatalogue).OFFERS.name()}",
                    "#{T(nl.adempauze.contracts.EventCatalogue).REQUESTS.name()}",
                    "#{T(nl.adempauze.contracts.EventCatalogue).CAPACITY.name()}",
                    "#{T(nl.adempauze.contracts.EventCatalogue).LOCATIONS.name()}"},
            properties = "auto.offset.reset=latest")
    public void onEvent(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event;
        try {
            event = decoder.decode(record);
        } catch (InvalidEventException e) {
            log.debug("Live stream skips an unreadable record on {}: {}", record.topic(), e.getMessage());
            return;
        }
        if (NotifiedEvents.isNotified(event.type()) && firstTime(event.id())) {
            feed.publish(event);
        }
    }

    private synchronized boolean firstTime(String eventId) {
        return streamed.add(eventId);
    }
}
