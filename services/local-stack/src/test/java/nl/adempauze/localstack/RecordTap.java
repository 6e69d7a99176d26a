package nl.adempauze.localstack;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.adempauze.contracts.EventCodec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Everything that appears on some topics from now on, with its headers (which copy it is, which consumer group
 * dead-lettered it and why), decoded where it is a valid catalogued CloudEvent. Unlike
 * {@link nl.adempauze.platform.testing.TopicRecorder} it keeps every header, tells an original from the
 * {@link EventDuplicator}'s copy, which the fault tests count, and can wait until it has read to the end.
 */
final class RecordTap implements AutoCloseable {

    /** One record as it was on the wire; {@code payload} is null unless it is a valid catalogued event. */
    record Tapped(String topic, String key, byte[] value, Map<String, byte[]> headers, String eventId, String eventType,
                  Object payload) {

        boolean isCopy() {
            return headers.containsKey(EventDuplicator.COPY_MARK);
        }

        /** A header as text (null when absent). */
        String header(String name) {
            byte[] value = headers.get(name);
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final String bootstrapServers;
    /** Per partition, the offset of the next record to read: where the tap began, then past each record read. */
    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();
    private final List<Tapped> tapped = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final EventCodec codec = new EventCodec();
    private final Thread poller;

    RecordTap(String bootstrapServers, Collection<String> topics) {
        this.bootstrapServers = bootstrapServers;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-tap-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the end offsets now, so nothing produced after the constructor returns is missed
        partitions.forEach(partition -> next.put(partition, consumer.position(partition)));
        poller = new Thread(this::poll, "record-tap");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                tapped.add(decode(record));
                next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
        }
        consumer.close();
    }

    private Tapped decode(ConsumerRecord<String, byte[]> record) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        String id = null;
        String type = null;
        Object payload = null;
        try {
            CloudEvent event = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
            id = event.getId();
            type = event.getType();
            payload = codec.decode(type, event.getData() == null ? null : event.getData().toBytes());
        } catch (RuntimeException unreadable) {
            // poison, or a dead-lettered copy of it: kept with its raw bytes and headers, without a payload
        }
        return new Tapped(record.topic(), record.key(), record.value(), headers, id, type, payload);
    }

    List<Tapped> all() {
        return List.copyOf(tapped);
    }

    /** The valid catalogued events seen, originals and copies alike. */
    List<Tapped> events() {
        return tapped.stream().filter(t -> t.payload() != null).toList();
    }

    /** Waits until everything written to the tapped partitions so far has been read (none left for later). */
    void awaitReadToEnd(Duration atMost) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        next.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.listOffsets(latest).all().get(atMost.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, offset) -> end.put(partition, offset.offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of " + next.keySet(), e);
        }
        Awaitility.await("the tapped topics read to their end").atMost(atMost).pollInterval(Duration.ofMillis(20))
                .until(() -> end.entrySet().stream().allMatch(e -> next.get(e.getKey()) >= e.getValue()));
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
