package nl.adempauze.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import nl.adempauze.bedavailability.BedAvailabilityApplication;
import nl.adempauze.notification.NotificationApplication;
import nl.adempauze.platform.testing.KafkaServer;
import nl.adempauze.platform.testing.PostgresServer;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services started in this JVM against one broker and one PostgreSQL server, each with a database of
 * its own, exactly as separate processes would run them (they share nothing but Kafka).
 */
public final class RunningServices implements AutoCloseable {

    /** Ports and databases for one start; port 0 picks a free port. */
    public record Settings(int bedAvailabilityPort, int requestMatchingPort, int notificationPort, String seedFile,
                           String databasePrefix, Map<String, String> extraProperties) {
    }

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    public final ConfigurableApplicationContext bedAvailability;
    public final ConfigurableApplicationContext requestMatching;
    public final ConfigurableApplicationContext notification;

    private RunningServices(PostgresServer postgres, KafkaServer kafka, Settings settings) {
        bedAvailability = start(BedAvailabilityApplication::run, "bed-availability", "BED_AVAILABILITY",
                settings.bedAvailabilityPort(), postgres, kafka, settings);
        requestMatching = start(RequestMatchingApplication::run, "request-matching", "REQUEST_MATCHING",
                settings.requestMatchingPort(), postgres, kafka, settings);
        notification = start(NotificationApplication::run, "notification", "NOTIFICATION",
                settings.notificationPort(), postgres, kafka, settings);
    }

    public static RunningServices start(PostgresServer postgres, KafkaServer kafka, Settings settings) {
        return new RunningServices(postgres, kafka, settings);
    }

    private ConfigurableApplicationContext start(Function<String[], ConfigurableApplicationContext> run, String name,
                                                 String prefix, int port, PostgresServer postgres, KafkaServer kafka,
                                                 Settings settings) {
        String database = settings.databasePrefix() + name.replace('-', '_');
        postgres.createDatabase(database);
        Map<String, String> properties = new HashMap<>(settings.extraProperties());
        properties.put("server.port", String.valueOf(port));
        properties.put("spring.r2dbc.url", postgres.r2dbcUrl(database));
        properties.put("spring.r2dbc.username", postgres.user());
        properties.put("spring.r2dbc.password", postgres.password());
        properties.put("spring.flyway.url", postgres.jdbcUrl(database));
        properties.put("spring.flyway.user", postgres.user());
        properties.put("spring.flyway.password", postgres.password());
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        if (name.equals("bed-availability")) {
            // bed-availability owns the region; the others learn it from its events
            properties.put("adempauze.seed.file", settings.seedFile());
        }
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = run.apply(args);
        contexts.add(context);
        return context;
    }

    /**
     * Waits until every service reports ready; request-matching is ready only once it has read the locations and
     * capacity that exist, so the first request is ranked against the real picture.
     */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ConfigurableApplicationContext context : contexts) {
            URI readiness = URI.create(url(context) + "/actuator/health/readiness");
            while (!ready(http, readiness)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(readiness + " not ready within " + timeout);
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    private static boolean ready(HttpClient http, URI readiness) {
        try {
            return http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
    }
}
