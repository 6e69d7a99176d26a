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
import nl.adempauze.embedded.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How much work the system did: transactions per service database (pg_stat_database, reads included) and records
 * written per topic (end offsets). Between two snapshots, divided by the requests, it says what one request costs.
 */
public final class WorkCounters {

    private static final List<String> DATABASES = List.of("bed_availability", "request_matching", "notification");

    private final Admin admin;
    private final PostgresServer postgres;

    public WorkCounters(Admin admin, PostgresServer postgres) {
        this.admin = admin;
        this.postgres = postgres;
    }

    /** Counters by name ("transactions <database>", "records <topic>"); those that cannot be read are left out. */
    public Map<String, Long> snapshot() {
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
                    .filter(topic -> topic.startsWith("adempauze.") && !topic.endsWith(".DLT")).toList();
            admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(partition ->
                            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).forEach((partition, offset) -> counters.merge(
                    "records " + partition.topic().substring("adempauze.".length()), offset.offset(), Long::sum));
        } catch (Exception e) {
            // left out
        }
        return counters;
    }

    /** Per request between two snapshots. */
    public static Map<String, Double> perRequest(Map<String, Long> from, Map<String, Long> to, long requests) {
        Map<String, Double> per = new LinkedHashMap<>();
        to.forEach((name, value) -> per.put(name, requests == 0 ? Double.NaN
                : (value - from.getOrDefault(name, 0L)) / (double) requests));
        return per;
    }
}
