package nl.adempauze.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import nl.adempauze.platform.testing.KafkaServer;

/**
 * A real single-node KRaft broker (the same Kafka build the embedded one uses) in a JVM of its own, on a fixed port
 * with its log on disk, so that it can be stopped and started again, or killed, like a broker in production.
 */
public final class KafkaBrokerProcess implements KafkaServer {

    private final Path directory;
    private final Path properties;
    private final int port;
    private Process process;

    private KafkaBrokerProcess(Path directory) {
        this.directory = directory;
        this.port = FreePort.pick();
        this.properties = directory.resolve("server.properties");
        int controllerPort = FreePort.pick();
        try {
            Files.createDirectories(directory);
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@localhost:" + controllerPort,
                    "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://localhost:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + directory.resolve("log"),
                    "num.partitions=3",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process format = ChildJvm.start(List.of("-Xmx256m"),
                List.of(LocalStackRoles.KAFKA_FORMAT, properties.toString(), UUID.randomUUID().toString()), log());
        ChildProcesses.awaitExit(format, Duration.ofMinutes(1));
        if (format.exitValue() != 0) {
            throw new IllegalStateException("Could not format the Kafka log; see " + log());
        }
    }

    /** Formats a new log in {@code directory} and starts the broker. */
    public static KafkaBrokerProcess start(Path directory) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(directory);
        broker.startAgain();
        return broker;
    }

    /** Starts the broker (again) on the same port with the same log, and waits until it answers. */
    public synchronized void startAgain() {
        if (process != null && process.isAlive()) {
            return;
        }
        process = ChildJvm.start(List.of("-Xmx512m", "-Xms512m"),
                List.of(LocalStackRoles.KAFKA_BROKER, properties.toString()), log());
        awaitReady(Duration.ofMinutes(1));
    }

    /** Shuts the broker down in an orderly way (SIGTERM) and waits until it has gone. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            ChildProcesses.awaitExit(process, Duration.ofMinutes(1));
            process = null;
        }
    }

    /** Kills the broker at once (SIGKILL), as a crash of its machine's process would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            ChildProcesses.awaitExit(process, Duration.ofSeconds(30));
            process = null;
        }
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return directory.resolve("broker.log");
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka broker did not start; see " + log());
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not answer; see " + log(), e);
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
