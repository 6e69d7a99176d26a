package nl.adempauze.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Delivers every event on every catalogue topic a second time (same CloudEvent id, key and headers), as a broker
 * or producer retry would, so the end-to-end tests run with each consumer seeing each event twice.
 */
final class EventDuplicator implements AutoCloseable {

    /** The header every copy carries (so copies are not copied again). */
    static final String COPY_MARK = "x-test-duplicate";
    private static final String MARK = COPY_MARK;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong duplicated = new AtomicLong();
    private final Map<String, LongAdder> duplicatedByType = new ConcurrentHashMap<>();
    private final Set<String> duplicatedIds = ConcurrentHashMap.newKeySet();
    private final Thread thread;

    EventDuplicator(String bootstrapServers) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-duplicator-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20),
                new StringDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
        consumer.subscribe(EventCatalogue.TOPICS.stream().map(Topic::name).toList());
        thread = new Thread(() -> {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    if (record.headers().lastHeader(MARK) == null) {
                        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(record.topic(), null, record.key(),
                                record.value(), record.headers());
                        copy.headers().add(MARK, new byte[] {1});
                        producer.send(copy);
                        duplicated.incrementAndGet();
                        count(record.headers());
                    }
                }
            }
            producer.close();
            consumer.close();
        }, "event-duplicator");
        thread.setDaemon(true);
        thread.start();
    }

    long duplicated() {
        return duplicated.get();
    }

    /** Copies delivered so far per CloudEvent type (binary-mode {@code ce_type}; "(none)" for records without one). */
    Map<String, Long> duplicatedByType() {
        Map<String, Long> counts = new TreeMap<>();
        duplicatedByType.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    /** Whether a copy of the event with this CloudEvent id was sent. */
    boolean duplicatedEvent(String eventId) {
        return duplicatedIds.contains(eventId);
    }

    /**
     * Marks a test's own record so the duplicator does not copy it: for records that must arrive exactly once, such
     * as poison records whose dead-lettered copies a test counts.
     */
    static void leaveAlone(Headers headers) {
        headers.add(MARK, new byte[] {1});
    }

    private void count(Headers headers) {
        Header type = headers.lastHeader("ce_type");
        Header id = headers.lastHeader("ce_id");
        duplicatedByType.computeIfAbsent(type == null ? "(none)" : new String(type.value(), StandardCharsets.UTF_8),
                t -> new LongAdder()).increment();
        if (id != null) {
            duplicatedIds.add(new String(id.value(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        running.set(false);
    }
}
