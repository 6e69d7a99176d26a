package nl.adempauze.platform.testing;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import nl.adempauze.contracts.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records everything that appears on some topics from now on, decoded where it is a catalogued CloudEvent, so a
 * test can wait for an event and check every produced event against its schema.
 */
public final class TopicRecorder implements AutoCloseable {

    /** One record as seen on the wire. {@code payload} is null for records that are not valid events. */
    public record Seen(String topic, String key, String id, String type, String traceparent, Object payload,
                       byte[] raw, List<String> schemaErrors) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;
    private final EventCodec codec = new EventCodec();

    public TopicRecorder(String bootstrapServers, Collection<String> topics) {
        // No consumer group: the recorder takes the partitions itself and keeps its place in memory. A group member
        // that has not committed yet and must rejoin after a broker restart would start again at the end
        // (auto.offset.reset) and silently skip what was published meanwhile: a fault test saw exactly that.
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // should the place ever be lost, read again rather than skip (a record seen twice keeps its id)
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = partitionsOf(topics);
        consumer.assign(partitions);
        // start at the end now, before the test acts, so nothing produced later is missed
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "topic-recorder");
        poller.setDaemon(true);
        poller.start();
    }

    private List<TopicPartition> partitionsOf(Collection<String> topics) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> known = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            while (known.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topic " + topic + " has no partitions within 30 s");
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                known = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            }
            known.forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition())));
        }
        return partitions;
    }

    private void poll() {
        while (running.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                seen.add(decode(record));
            }
        }
        consumer.close();
    }

    private Seen decode(ConsumerRecord<String, byte[]> record) {
        Header trace = record.headers().lastHeader("traceparent");
        String traceparent = trace == null ? null : new String(trace.value(), StandardCharsets.UTF_8);
        try {
            CloudEvent event = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
            byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
            List<String> errors = codec.validate(event.getType(), data);
            Object payload = errors.isEmpty() ? codec.decode(event.getType(), data) : null;
            return new Seen(record.topic(), record.key(), event.getId(), event.getType(), traceparent, payload,
                    record.value(), errors);
        } catch (RuntimeException e) {
            return new Seen(record.topic(), record.key(), null, null, traceparent, null, record.value(),
                    List.of(e.toString()));
        }
    }

    public List<Seen> all() {
        return List.copyOf(seen);
    }

    public <T> List<T> payloads(Class<T> type) {
        return seen.stream().map(Seen::payload).filter(type::isInstance).map(type::cast).toList();
    }

    public <T> List<T> payloads(Class<T> type, Predicate<T> filter) {
        return payloads(type).stream().filter(filter).toList();
    }

    public List<Seen> on(String topic) {
        return seen.stream().filter(s -> s.topic().equals(topic)).toList();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
