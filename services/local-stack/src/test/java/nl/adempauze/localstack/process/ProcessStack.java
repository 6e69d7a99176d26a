package nl.adempauze.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.adempauze.localstack.RunningServices;
import nl.adempauze.embedded.EmbeddedPostgresServer;
import nl.adempauze.embedded.FreePort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system as it runs in production, on one machine: a real KRaft broker and a real PostgreSQL server,
 * each a process of its own that can be stopped and started again with its data, and each service in a JVM of its
 * own on a fixed port that can be killed and started again. The development issuer runs in this JVM. Used by the
 * fault-injection tests and the benchmark; everything lives under one directory, removed on {@link #close()}.
 */
public final class ProcessStack implements AutoCloseable {

    /**
     * {@code seedFile}: bed-availability's seed (several comma-separated); {@code demoUsers}: the issuer's users
     * (null: the clone's); {@code serviceJvmOptions}: for each service JVM (heap, GC); {@code extraProperties}: for
     * the three services.
     */
    public record Options(Path directory, String seedFile, String demoUsers, List<String> serviceJvmOptions,
                          Map<String, String> extraProperties) {
    }

    private final Path directory;
    private final EmbeddedPostgresServer postgres;
    private final KafkaBrokerProcess kafka;
    private final ConfigurableApplicationContext issuer;
    private final Map<String, ServiceProcess> services = new HashMap<>();

    private ProcessStack(Options options) {
        directory = options.directory();
        postgres = EmbeddedPostgresServer.startRestartable(FreePort.pick(), directory.resolve("postgres"));
        kafka = KafkaBrokerProcess.start(directory.resolve("kafka"));
        RunningServices.Settings settings = new RunningServices.Settings(0, 0, 0, 0, options.seedFile(),
                options.demoUsers(), "", options.extraProperties());
        issuer = RunningServices.startIssuer(settings);
        for (String name : List.of("bed-availability", "request-matching", "notification")) {
            int port = FreePort.pick();
            Map<String, String> properties = RunningServices.serviceProperties(name, port, postgres, kafka, settings,
                    RunningServices.url(issuer));
            services.put(name, new ServiceProcess(name, port, options.serviceJvmOptions(), properties,
                    directory.resolve("logs").resolve(name + ".log")));
        }
    }

    /** Starts the broker, the database, the issuer and the three services, and waits until all are ready. */
    public static ProcessStack start(Options options, Duration timeout) {
        ProcessStack stack = new ProcessStack(options);
        try {
            // bed-availability first: it seeds the region the others learn from its events
            stack.bedAvailability().start();
            stack.bedAvailability().awaitReady(timeout);
            stack.requestMatching().start();
            stack.notification().start();
            stack.requestMatching().awaitReady(timeout);
            stack.notification().awaitReady(timeout);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public ServiceProcess bedAvailability() {
        return services.get("bed-availability");
    }

    public ServiceProcess requestMatching() {
        return services.get("request-matching");
    }

    public ServiceProcess notification() {
        return services.get("notification");
    }

    /** The three services, bed-availability first. */
    public List<ServiceProcess> services() {
        return List.of(bedAvailability(), requestMatching(), notification());
    }

    public KafkaBrokerProcess kafka() {
        return kafka;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** The development issuer's address ({@code POST /auth/token}). */
    public String issuerUrl() {
        return RunningServices.url(issuer);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            run(service::kill, failures);
        }
        run(issuer::close, failures);
        run(kafka::kill, failures);
        run(postgres::close, failures);
        run(this::deleteDirectory, failures);
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private static void run(Runnable step, List<RuntimeException> failures) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private void deleteDirectory() {
        if (Boolean.getBoolean("adempauze.keep-stack-directory")) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
