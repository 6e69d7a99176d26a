package nl.adempauze.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import nl.adempauze.notification.NotificationApplication;
import nl.adempauze.notification.application.LiveEvent;
import nl.adempauze.notification.application.LiveFeed;
import nl.adempauze.notification.support.TestEvents;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.ServiceInstances;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import reactor.core.Disposable;

/**
 * Two instances of notification, each with viewers of its own: each instance streams every event (not a share of
 * them), and neither leaves a consumer group behind for its live stream, running or stopped.
 */
@SpringJUnitConfig(ServiceInstances.OthersPaused.class)
class LiveStreamOnSeveralInstancesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int EVENTS = 24;

    @Test
    void everyInstanceStreamsEveryEventAndLeavesNoConsumerGroupBehind() throws Exception {
        Set<String> groupsBefore = groups();
        List<Disposable> viewers = new ArrayList<>();
        try (ServiceInstances instances = ServiceInstances.start(NotificationApplication.class, "notification", 2,
                Map.of())) {
            List<List<String>> streamed = new ArrayList<>();
            for (var instance : instances.all()) {
                List<String> ids = new CopyOnWriteArrayList<>();
                streamed.add(ids);
                viewers.add(instance.getBean(LiveFeed.class).events().map(LiveEvent::id).subscribe(ids::add));
            }
            // each live consumer starts at the end once it has its partitions: probe until both stream
            List<String> probes = new CopyOnWriteArrayList<>();
            await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                probes.add(TestEvents.publish(TestEvents.requestEscalated("req-" + UUID.randomUUID())));
                return streamed.stream().allMatch(ids -> ids.stream().anyMatch(probes::contains));
            });

            // many requests, so their keys fall on every partition
            List<String> published = IntStream.range(0, EVENTS)
                    .mapToObj(i -> TestEvents.publish(TestEvents.requestEscalated("req-" + UUID.randomUUID())))
                    .toList();

            await().atMost(TIMEOUT).untilAsserted(() -> streamed.forEach(ids -> assertThat(ids)
                    .as("every instance streams every event").containsAll(published)));
            assertThat(groups()).as("the running live streams use no consumer group")
                    .noneMatch(group -> group.startsWith("notification-live"));
        } finally {
            viewers.forEach(Disposable::dispose);
        }
        Set<String> added = new HashSet<>(groups());
        added.removeAll(groupsBefore);
        assertThat(added).as("groups left on the broker by two instances that ran and stopped")
                .isSubsetOf(Set.of("notification"));
    }

    private static Set<String> groups() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafka().bootstrapServers()))) {
            Set<String> ids = new HashSet<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                ids.add(group.groupId());
            }
            return ids;
        }
    }
}
