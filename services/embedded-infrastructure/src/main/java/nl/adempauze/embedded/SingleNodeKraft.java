package nl.adempauze.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * One Kafka node that is both broker and controller (KRaft), on loopback, with replication factors of 1: its
 * {@code server.properties} and its formatted log in a directory. The same node runs in this JVM
 * ({@link EmbeddedKafkaServer}) or as {@code kafka.Kafka server.properties} in a JVM of its own.
 */
public final class SingleNodeKraft {

    private SingleNodeKraft() {
    }

    /**
     * Writes {@code server.properties} for a node listening on {@code port} (its controller on a free port) with its
     * log under {@code directory}, formats that log with a new cluster id, and answers the properties file.
     */
    public static Path prepare(Path directory, int port) {
        int controllerPort = FreePort.pick();
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", directory.resolve("log").toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // a consumer group starts consuming at once, not after the production default of 3 s
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        Path file = directory.resolve("server.properties");
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "one node, broker and controller (see SingleNodeKraft)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        format(file);
        return file;
    }

    /** Formats the node's log as {@code kafka-storage.sh format} does (a KRaft log must be formatted once). */
    private static void format(Path properties) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "--ignore-formatted",
                "-t", Uuid.randomUuid().toString(), "-c", properties.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Could not format the Kafka log of " + properties + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Waits until the broker at {@code bootstrapServers} describes its cluster, i.e. answers clients. */
    public static void awaitAnswer(String bootstrapServers, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Kafka broker at " + bootstrapServers + " did not answer", e);
        }
    }
}
