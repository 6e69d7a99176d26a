package nl.adempauze.notification.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.adempauze.contracts.EventCodec;
import nl.adempauze.contracts.InvalidEventException;
import nl.adempauze.notification.application.LiveFeed;
import nl.adempauze.notification.domain.NotifiedEvents;
import nl.adempauze.platform.inbox.EventDecoder;
import nl.adempauze.platform.inbox.IncomingEvent;
import nl.adempauze.platform.messaging.HandledEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Feeds the live stream. Each instance's viewers must see every event, so every instance reads every partition of
 * the topics itself: assigned by hand ({@link LivePartitions}), without a consumer group and without committing
 * offsets, starting from the latest (the live board shows what happens now, not history). Nothing is left on the
 * broker when an instance stops. Records that cannot be read are skipped here; the webhook consumer group
 * dead-letters them, once. Kafka delivers at least once: an event that comes again (same CloudEvent id, among the
 * last {@value #REMEMBERED} streamed) is not streamed again.
 */
@Component
public class LiveListener {

    public static final String ID = "notification-live";
    private static final Logger log = LoggerFactory.getLogger(LiveListener.class);

    private static final int REMEMBERED = 10_000;
    private static final String CATALOGUE = "T(nl.adempauze.contracts.EventCatalogue)";
    /** Events that are not streamed (HoldRequested) are passed by on their type header, without decoding. */
    private static final HandledEvents STREAMED = HandledEvents.ofTypes(NotifiedEvents.TYPES);

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

    @KafkaListener(id = ID, idIsGroup = false, concurrency = "1", properties = "auto.offset.reset=latest",
            topicPartitions = {
                    @TopicPartition(topic = "#{" + CATALOGUE + ".OFFERS.name()}",
                            partitions = "#{@livePartitions.of(" + CATALOGUE + ".OFFERS.name())}"),
                    @TopicPartition(topic = "#{" + CATALOGUE + ".REQUESTS.name()}",
                            partitions = "#{@livePartitions.of(" + CATALOGUE + ".REQUESTS.name())}"),
                    @TopicPartition(topic = "#{" + CATALOGUE + ".CAPACITY.name()}",
                            partitions = "#{@livePartitions.of(" + CATALOGUE + ".CAPACITY.name())}"),
                    @TopicPartition(topic = "#{" + CATALOGUE + ".LOCATIONS.name()}",
                            partitions = "#{@livePartitions.of(" + CATALOGUE + ".LOCATIONS.name())}")},
            batch = "true")
    public void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        for (int index = 0; index < records.size(); index++) {
            try {
                onEvent(records.get(index));
            } catch (RuntimeException e) {
                // the error handler then treats this record as it would alone, and delivers the rest again
                throw new BatchListenerFailedException(e.getMessage(), e, index);
            }
        }
    }

    private void onEvent(ConsumerRecord<String, byte[]> record) {
        if (STREAMED.passesBy(record)) {
            return;
        }
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
