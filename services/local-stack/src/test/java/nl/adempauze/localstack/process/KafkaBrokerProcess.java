package nl.adempauze.localstack.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import nl.adempauze.embedded.FreePort;
import nl.adempauze.embedded.KafkaServer;
import nl.adempauze.embedded.SingleNodeKraft;

/**
 * A real single-node KRaft broker (the same node as the embedded one, see {@link SingleNodeKraft}) in a JVM of its
 * own, on a fixed port with its log on disk, so that it can be stopped and started again, or killed, like a broker in
 * production.
 */
public final class KafkaBrokerProcess implements KafkaServer {

    private final Path directory;
    private final Path properties;
    private final int port;
    private Process process;

    private KafkaBrokerProcess(Path directory) {
        this.directory = directory;
        this.port = FreePort.pick();
        this.properties = SingleNodeKraft.prepare(directory, port);
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
        ChildProcesses.stop(process);
        process = null;
    }

    /** Kills the broker at once (SIGKILL), as a crash of its machine's process would. */
    public synchronized void kill() {
        ChildProcesses.kill(process);
        process = null;
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
        try {
            SingleNodeKraft.awaitAnswer(bootstrapServers(), timeout);
        } catch (IllegalStateException e) {
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
