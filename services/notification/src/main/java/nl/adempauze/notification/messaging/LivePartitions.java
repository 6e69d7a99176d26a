package nl.adempauze.notification.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Every partition of a topic, for the live stream's own assignment (see {@link LiveListener}): as many as the broker
 * has, and at least as many as the platform creates ({@code adempauze.kafka.partitions}; a topic not made yet or
 * made smaller gets that many). Asked once, as the listener is set up.
 */
@Component("livePartitions")
public class LivePartitions {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaAdmin kafkaAdmin;
    private final int configured;

    public LivePartitions(KafkaAdmin kafkaAdmin, @Value("${adempauze.kafka.partitions:6}") int configured) {
        this.kafkaAdmin = kafkaAdmin;
        this.configured = configured;
    }

    /** The partition numbers, as the listener annotation takes them. */
    public String[] of(String topic) {
        return IntStream.range(0, Math.max(configured, onBroker(topic))).mapToObj(Integer::toString)
                .toArray(String[]::new);
    }

    private int onBroker(String topic) {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<String, TopicDescription> described = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return described.get(topic).partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw new IllegalStateException("Cannot read the partitions of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot read the partitions of " + topic, e);
        }
    }
}
