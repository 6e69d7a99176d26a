package nl.adempauze.benchmarks.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.adempauze.platform.messaging.ConsumerGroupLag;
import nl.adempauze.embedded.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.common.TopicPartition;

/**
 * Where work waits at one moment: events not yet read by each consumer group (Kafka lag), events not yet relayed
 * from each service's outbox, and webhook deliveries not yet made. Taken when a load step stops sending, the
 * largest backlog names the stage that could not keep up.
 */
public final class Backlog implements AutoCloseable {

    private static final List<String> DATABASES = List.of("bed_availability", "request_matching", "notification");

    private final Admin admin;
    private final PostgresServer postgres;

    public Backlog(String bootstrapServers, PostgresServer postgres) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.postgres = postgres;
    }

    /** The admin client the snapshots use, for other counters on the same broker. */
    public Admin admin() {
        return admin;
    }

    /** Backlog by stage ("lag <group>", "outbox <database>", "webhooks pending"); one not readable is left out. */
    public Map<String, Long> snapshot() {
        Map<String, Long> backlog = new LinkedHashMap<>();
        try {
            for (GroupListing group : admin.listGroups().all().get(5, TimeUnit.SECONDS)) {
                String id = group.groupId();
                Set<TopicPartition> partitions = admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata()
                        .get(5, TimeUnit.SECONDS).keySet();
                List<String> topics = partitions.stream().map(TopicPartition::topic).distinct()
                        .filter(topic -> topic.startsWith("adempauze.")).collect(Collectors.toList());
                if (!topics.isEmpty()) {
                    backlog.put("lag " + (id.startsWith("notification-live-") ? "notification-live" : id),
                            ConsumerGroupLag.of(admin, id, topics));
                }
            }
        } catch (Exception e) {
            // leaves the lags out
        }
        Map<String, Long> sorted = new TreeMap<>(backlog);
        for (String database : DATABASES) {
            count(database, "SELECT count(*) FROM outbox_event").ifPresent(rows -> sorted.put("outbox " + database,
                    rows));
        }
        count("notification", "SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING'")
                .ifPresent(rows -> sorted.put("webhooks pending", rows));
        return sorted;
    }

    private java.util.OptionalLong count(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(),
                postgres.password()); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return java.util.OptionalLong.of(result.getLong(1));
        } catch (SQLException e) {
            return java.util.OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
