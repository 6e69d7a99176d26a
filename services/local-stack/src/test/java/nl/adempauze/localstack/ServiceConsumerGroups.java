package nl.adempauze.localstack;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.Topic;
import nl.adempauze.platform.messaging.ConsumerGroupLag;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.awaitility.Awaitility;

/**
 * Who reads which catalogue topic: the services' consumer groups as their {@code @KafkaListener}s declare them. Each
 * of these applies events through the platform's idempotent consumer and dead-letters what it cannot read, once per
 * group. Notification's live stream also reads, without a consumer group (each instance is assigned every partition),
 * and skips unreadable records instead (the webhook group dead-letters them). {@link #actualReaders} reads the same from
 * the broker, so a listener added later cannot escape the fault tests unnoticed.
 */
final class ServiceConsumerGroups {

    /** Group → the catalogue topics it reads. */
    static final Map<String, List<Topic>> TOPICS_BY_GROUP;

    static {
        Map<String, List<Topic>> groups = new LinkedHashMap<>();
        groups.put(EventCatalogue.BED_AVAILABILITY, List.of(EventCatalogue.OFFERS));
        groups.put("request-matching-replica", List.of(EventCatalogue.LOCATIONS, EventCatalogue.CAPACITY));
        groups.put("request-matching-holds", List.of(EventCatalogue.HOLDS));
        groups.put(EventCatalogue.NOTIFICATION, List.of(EventCatalogue.OFFERS, EventCatalogue.REQUESTS,
                EventCatalogue.CAPACITY, EventCatalogue.LOCATIONS));
        TOPICS_BY_GROUP = Collections.unmodifiableMap(groups);
    }

    /**
     * Group → the catalogued event types on its topics it does nothing with: it passes them by on their type header
     * (not decoded, nothing stored, not dead-lettered even when their data is broken), as a tolerant reader checks
     * only what it needs ({@code HandledEvents} in each listener).
     */
    static final Map<String, Set<String>> PASSED_BY_GROUP = Map.of(
            EventCatalogue.BED_AVAILABILITY, Set.of("OfferMade"),
            "request-matching-replica", Set.of(),
            "request-matching-holds", Set.of("HoldReleased"),
            EventCatalogue.NOTIFICATION, Set.of("HoldRequested"));

    private ServiceConsumerGroups() {
    }

    /** The dead-lettering groups that read the topic. */
    static List<String> readersOf(Topic topic) {
        return TOPICS_BY_GROUP.entrySet().stream().filter(group -> group.getValue().contains(topic))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The dead-lettering groups that read the topic and act on this type (a type the catalogue does not know: every
     * reader, as no reader can pass it by).
     */
    static List<String> readersOf(Topic topic, String type) {
        return readersOf(topic).stream().filter(group -> !PASSED_BY_GROUP.get(group).contains(type)).toList();
    }

    /**
     * Group → catalogue topics its members are assigned now, for every group on the broker that is not a test's own
     * (duplicator, recorders, taps: {@code test-*}). The live stream has no group: none may show here.
     */
    static Map<String, Set<String>> actualReaders(String bootstrapServers) {
        Set<String> catalogue = new TreeSet<>(EventCatalogue.TOPICS.stream().map(Topic::name).toList());
        try (Admin admin = admin(bootstrapServers)) {
            List<String> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).filter(id -> !id.startsWith("test-")).toList();
            Map<String, Set<String>> readers = new TreeMap<>();
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all().get(10, TimeUnit.SECONDS)
                    .values()) {
                Set<String> topics = new TreeSet<>();
                group.members().forEach(member -> member.assignment().topicPartitions()
                        .forEach(partition -> topics.add(partition.topic())));
                topics.retainAll(catalogue);
                if (!topics.isEmpty()) {
                    readers.put(group.groupId(), topics);
                }
            }
            return readers;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot describe the consumer groups", e);
        }
    }

    /** What {@link #actualReaders} should answer. */
    static Map<String, Set<String>> expectedReaders() {
        Map<String, Set<String>> readers = new TreeMap<>();
        TOPICS_BY_GROUP.forEach((group, topics) -> readers.put(group,
                new TreeSet<>(topics.stream().map(Topic::name).toList())));
        return readers;
    }

    /** Records not yet handled, per service group, on the topics each reads. */
    static Map<String, Long> lag(String bootstrapServers) {
        try (Admin admin = admin(bootstrapServers)) {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            TOPICS_BY_GROUP.forEach((group, topics) -> groups.put(group, topics.stream().map(Topic::name).toList()));
            Map<String, Long> lag = new LinkedHashMap<>();
            groups.forEach((group, topics) -> lag.put(group, ConsumerGroupLag.of(admin, group, topics)));
            return lag;
        }
    }

    /** Waits until every service group has handled every record on the topics it reads. */
    static void awaitCaughtUp(String bootstrapServers, Duration atMost) {
        Awaitility.await("every consumer group caught up").atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> lag(bootstrapServers).values().stream().allMatch(behind -> behind == 0));
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
