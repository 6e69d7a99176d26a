package nl.adempauze.platform.testing;

import java.util.UUID;
import nl.adempauze.embedded.EmbeddedKafkaServer;
import nl.adempauze.embedded.EmbeddedPostgresServer;
import nl.adempauze.embedded.KafkaServer;
import nl.adempauze.embedded.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The one real broker and database of a test JVM: Testcontainers where a Docker engine answers, otherwise
 * the embedded real ones. Tests run the same either way and are never skipped. Started on first use and
 * stopped when the JVM ends.
 */
public final class RealInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(RealInfrastructure.class);
    private static volatile RealInfrastructure instance;

    private final PostgresServer postgres;
    private final KafkaServer kafka;

    private RealInfrastructure(PostgresServer postgres, KafkaServer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static RealInfrastructure get() {
        if (instance == null) {
            synchronized (RealInfrastructure.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    private static RealInfrastructure start() {
        boolean docker = dockerAvailable();
        long started = System.nanoTime();
        PostgresServer postgres = docker ? ContainerServers.postgres() : EmbeddedPostgresServer.start(0);
        KafkaServer kafka = docker ? ContainerServers.kafka() : EmbeddedKafkaServer.start(0);
        log.info("Real infrastructure ({}) up in {} ms: PostgreSQL on port {}, Kafka at {}",
                docker ? "Testcontainers" : "embedded", (System.nanoTime() - started) / 1_000_000,
                postgres.port(), kafka.bootstrapServers());
        RealInfrastructure infrastructure = new RealInfrastructure(postgres, kafka);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }, "real-infrastructure-shutdown"));
        return infrastructure;
    }

    private static boolean dockerAvailable() {
        if ("embedded".equals(System.getProperty("adempauze.infrastructure", System.getenv("ADEMPAUZE_INFRASTRUCTURE")))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    /** A fresh, empty database for one Spring context, so test classes never see each other's rows. */
    public String newDatabase(String prefix) {
        String name = prefix.replace('-', '_') + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgres.createDatabase(name);
        return name;
    }
}
