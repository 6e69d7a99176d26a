package nl.adempauze.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft broker in this JVM: Kafka's own server ({@code KafkaRaftServer}, as
 * {@code kafka-server-start.sh} runs it) with its log in a temporary directory, removed on {@link #close()}.
 */
public final class EmbeddedKafkaServer implements KafkaServer {

    private final Path directory;
    private final int port;
    private final KafkaRaftServer server;

    private EmbeddedKafkaServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
        this.server = new KafkaRaftServer(KafkaConfig.fromProps(load(SingleNodeKraft.prepare(directory, port)), false),
                Time.SYSTEM);
    }

    /** Formats a new log and starts the broker on {@code port} (0: a free one; see {@link #bootstrapServers()}). */
    public static EmbeddedKafkaServer start(int port) {
        EmbeddedKafkaServer kafka;
        try {
            kafka = new EmbeddedKafkaServer(Files.createTempDirectory("adempauze-kafka"),
                    port > 0 ? port : FreePort.pick());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            kafka.server.startup();
            SingleNodeKraft.awaitAnswer(kafka.bootstrapServers(), Duration.ofMinutes(1));
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
