package nl.adempauze.localstack;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Delivers every event on every catalogue topic a second time (same CloudEvent id, key and headers), as a broker
 * or producer retry would, so the end-to-end tests run with each consumer seeing each event twice.
 */
final class EventDuplicator implements AutoCloseable {

    private static final String MARK = "x-test-duplicate";

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong duplicated = new AtomicLong();
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

    @Override
    public void close() {
        running.set(false);
    }
}
