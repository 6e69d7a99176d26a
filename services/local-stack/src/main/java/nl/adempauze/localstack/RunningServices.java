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
import nl.adempauze.embedded.KafkaServer;
import nl.adempauze.embedded.PostgresServer;
import nl.adempauze.localstack.issuer.DevIssuerApplication;
import nl.adempauze.notification.NotificationApplication;
import nl.adempauze.platform.security.PlatformSecurityAutoConfiguration;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The development issuer and the three services started in this JVM against one broker and one PostgreSQL server,
 * each service with a database of its own, exactly as separate processes would run them (they share nothing but
 * Kafka). The issuer starts first; the services run in the {@code local} profile and trust its tokens.
 */
public final class RunningServices implements AutoCloseable {

    /**
     * Ports and databases for one start; port 0 picks a free port. {@code demoUsers} is where the issuer reads its
     * users (null: the clone's {@code seeds/demo-users.json}, else the packaged copy); {@code extraProperties} go
     * to the three services.
     */
    public record Settings(int issuerPort, int bedAvailabilityPort, int requestMatchingPort, int notificationPort,
                           String seedFile, String demoUsers, String databasePrefix,
                           Map<String, String> extraProperties) {
    }

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    /** The development issuer (see {@link DevIssuerApplication}). */
    public final ConfigurableApplicationContext issuer;
    public final ConfigurableApplicationContext bedAvailability;
    public final ConfigurableApplicationContext requestMatching;
    public final ConfigurableApplicationContext notification;

    private RunningServices(PostgresServer postgres, KafkaServer kafka, Settings settings) {
        issuer = startIssuer(settings);
        String issuerUrl = url(issuer);
        try {
            bedAvailability = start(BedAvailabilityApplication::run, "bed-availability", settings.bedAvailabilityPort(),
                    postgres, kafka, settings, issuerUrl);
            requestMatching = start(RequestMatchingApplication::run, "request-matching", settings.requestMatchingPort(),
                    postgres, kafka, settings, issuerUrl);
            notification = start(NotificationApplication::run, "notification", settings.notificationPort(),
                    postgres, kafka, settings, issuerUrl);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static RunningServices start(PostgresServer postgres, KafkaServer kafka, Settings settings) {
        return new RunningServices(postgres, kafka, settings);
    }

    /** Starts the development issuer in this JVM on the settings' port with the settings' demo users. */
    public static ConfigurableApplicationContext startIssuer(Settings settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + settings.issuerPort(),
                "--spring.profiles.active=" + PlatformSecurityAutoConfiguration.LOCAL_PROFILE));
        if (settings.demoUsers() != null) {
            args.add("--adempauze.dev-issuer.users=" + settings.demoUsers());
        }
        return DevIssuerApplication.run(args.toArray(String[]::new));
    }

    private ConfigurableApplicationContext start(Function<String[], ConfigurableApplicationContext> run, String name,
                                                 int port, PostgresServer postgres, KafkaServer kafka,
                                                 Settings settings, String issuerUrl) {
        ConfigurableApplicationContext context = run.apply(arguments(
                serviceProperties(name, port, postgres, kafka, settings, issuerUrl)));
        contexts.add(context);
        return context;
    }

    /**
     * Creates the service's database and answers the properties it runs with: its port, database, the broker, the
     * local profile trusting the development issuer, and for bed-availability the seed.
     */
    public static Map<String, String> serviceProperties(String name, int port, PostgresServer postgres,
                                                        KafkaServer kafka, Settings settings, String issuerUrl) {
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
        // trust the development issuer started above (the local profile only allows that; see PlatformDefaults)
        properties.put("spring.profiles.active", PlatformSecurityAutoConfiguration.LOCAL_PROFILE);
        properties.put("adempauze.security.dev-issuer.url", issuerUrl);
        if (name.equals("bed-availability")) {
            // bed-availability owns the region; the others learn it from its events
            properties.put("adempauze.seed.file", settings.seedFile());
        }
        if (name.equals("request-matching")) {
            // a coordinator's what-if replays the seeded regions in a process of its own
            WhatIfRunner.command().ifPresent(command -> {
                properties.put("adempauze.what-if.command", String.join(",", command));
                properties.put("adempauze.what-if.seed-files", settings.seedFile());
            });
        }
        return properties;
    }

    /** Spring Boot command-line arguments for the properties. */
    public static String[] arguments(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
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

    /** Whether the readiness probe answers 200 now. */
    public static boolean ready(HttpClient http, URI readiness) {
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
        if (issuer != null) {
            issuer.close();
        }
    }
}
