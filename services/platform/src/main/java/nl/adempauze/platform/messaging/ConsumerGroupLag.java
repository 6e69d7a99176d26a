package nl.adempauze.platform.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** How many records on some topics a consumer group has not yet handled and committed. */
public final class ConsumerGroupLag {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ConsumerGroupLag() {
    }

    /** Records on the topics, up to their end now, that the group has not committed yet. */
    public static long of(Admin admin, String group, Collection<String> topics) {
        return behind(admin, group, endOffsets(admin, topics));
    }

    /** The end offset of every partition of the topics now: where the next record will go. */
    public static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        get(admin.describeTopics(topics).allTopicNames(), "describe " + topics)
                .forEach((topic, description) -> description.partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all(), "read the end offsets of " + topics)
                .forEach((partition, end) -> ends.put(partition, end.offset()));
        return ends;
    }

    /** Records before the given offsets that the group has not committed yet (0: it has read up to them all). */
    public static long behind(Admin admin, String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata(), "read the offsets of consumer group " + group);
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> target : offsets.entrySet()) {
            OffsetAndMetadata done = committed.get(target.getKey());
            behind += Math.max(0, target.getValue() - (done == null ? 0 : done.offset()));
        }
        return behind;
    }

    private static <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot " + what, e);
        }
    }
}
