package nl.adempauze.benchmarks.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import nl.adempauze.platform.messaging.ConsumerGroupLag;
import nl.adempauze.embedded.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How much work the system did, as the database and the broker count it: transactions per service database
 * (pg_stat_database, reads included) and records written per topic (end offsets). Between two snapshots, divided
 * by the requests, it says what one request costs, to set against the ceilings.
 */
public final class SystemCounters implements AutoCloseable {

    private static final List<String> DATABASES = List.of("bed_availability", "request_matching", "notification");
    private static final String TOPIC_PREFIX = "adempauze.";

    private final Admin admin;
    private final PostgresServer postgres;

    public SystemCounters(String bootstrapServers, PostgresServer postgres) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.postgres = postgres;
    }

    /** "transactions database" and "records topic" now; a counter that cannot be read is left out. */
    public Map<String, Long> work() {
        Map<String, Long> counters = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(),
                postgres.password()); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT datname, xact_commit FROM pg_stat_database WHERE datname IS NOT NULL")) {
            while (rows.next()) {
                if (DATABASES.contains(rows.getString(1))) {
                    counters.put("transactions " + rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            // left out
        }
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            List<String> topics = admin.listTopics().names().get(5, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith(TOPIC_PREFIX) && !topic.endsWith(".DLT")).toList();
            admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(partition ->
                            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).forEach((partition, offset) -> counters.merge(
                    "records " + partition.topic().substring(TOPIC_PREFIX.length()), offset.offset(), Long::sum));
        } catch (Exception e) {
            // left out
        }
        return counters;
    }

    /** The work between two snapshots, per request. */
    public static Map<String, Double> perRequest(Map<String, Long> from, Map<String, Long> to, long requests) {
        Map<String, Double> per = new LinkedHashMap<>();
        to.forEach((name, value) -> per.put(name, requests == 0 ? Double.NaN
                : (value - from.getOrDefault(name, 0L)) / (double) requests));
        return per;
    }

    /** Consumer lag of one group on these topics. */
    public long lag(String group, List<String> topics) {
        return ConsumerGroupLag.of(admin, group, topics);
    }

    @Override
    public void close() {
        admin.close();
    }
}
