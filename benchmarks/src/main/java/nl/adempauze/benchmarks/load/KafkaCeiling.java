package nl.adempauze.benchmarks.load;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * (c) The broker's own ceiling on the stack's broker: a produce → consume round trip with the services' producer
 * settings (acks=all, idempotent, no linger) and consumer settings (100 ms fetch wait), at a steady rate, and the
 * most records per second one producer and one consumer move. Records are as large as an event with its headers.
 */
public final class KafkaCeiling implements AutoCloseable {

    public static final String TOPIC = "benchmark.ceiling";
    public static final int PARTITIONS = 3;
    /** About one CloudEvent (OfferMade) with its headers. */
    public static final int RECORD_BYTES = 700;

    public record RoundTrip(double perSecond, int sent, Latencies.Summary latency) {
    }

    public record Throughput(long records, double perSecond, double megabytesPerSecond) {
    }

    private final KafkaProducer<String, byte[]> producer;
    private final Thread consumerThread;
    private volatile boolean running = true;
    private volatile BiConsumer<byte[], Long> onRecord = (value, nanos) -> { };

    public KafkaCeiling(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create " + TOPIC, e);
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "0",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        List<TopicPartition> partitions = java.util.stream.IntStream.range(0, PARTITIONS)
                .mapToObj(partition -> new TopicPartition(TOPIC, partition)).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        consumerThread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        onRecord.accept(record.value(), System.nanoTime());
                    }
                }
            }
        }, "kafka-ceiling-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
    }

    /** Round trips at a steady rate, each timed from its intended send to its consumption. */
    public RoundTrip roundTrip(double perSecond, Duration duration) {
        Latencies latencies = new Latencies();
        long run = ThreadLocalRandom.current().nextLong();
        AtomicLong received = new AtomicLong();
        onRecord = (value, nanos) -> {
            ByteBuffer buffer = ByteBuffer.wrap(value);
            if (buffer.getLong() == run) {
                latencies.recordNanos(nanos - buffer.getLong());
                received.incrementAndGet();
            }
        };
        int sent = OpenLoop.run(perSecond, duration, intended -> producer.send(record(run, intended)));
        LoadStep.await(() -> received.get() >= sent, Duration.ofSeconds(10));
        return new RoundTrip(perSecond, sent, latencies.summary());
    }

    /** As many records as one producer sends for {@code duration}, until one consumer has read them all. */
    public Throughput throughput(Duration duration) {
        long run = ThreadLocalRandom.current().nextLong();
        AtomicLong received = new AtomicLong();
        AtomicLong lastReceived = new AtomicLong();
        onRecord = (value, nanos) -> {
            if (ByteBuffer.wrap(value).getLong() == run) {
                received.incrementAndGet();
                lastReceived.set(nanos);
            }
        };
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        long sent = 0;
        while (System.nanoTime() < end) {
            producer.send(record(run, System.nanoTime()));
            sent++;
        }
        long all = sent;
        LoadStep.await(() -> received.get() >= all, Duration.ofSeconds(30));
        double seconds = (lastReceived.get() - started) / 1e9;
        double perSecond = received.get() / seconds;
        return new Throughput(received.get(), perSecond, perSecond * RECORD_BYTES / 1e6);
    }

    private static ProducerRecord<String, byte[]> record(long run, long intendedNanos) {
        byte[] value = new byte[RECORD_BYTES];
        ByteBuffer.wrap(value).putLong(run).putLong(intendedNanos);
        return new ProducerRecord<>(TOPIC, UUID.randomUUID().toString(), value);
    }

    @Override
    public void close() {
        running = false;
        producer.close(Duration.ofSeconds(5));
        try {
            consumerThread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
