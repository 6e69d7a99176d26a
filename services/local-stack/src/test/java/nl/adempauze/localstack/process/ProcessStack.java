package nl.adempauze.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * own on a fixed port (one or more instances of each, see {@link Options#instances()}) that can be killed and started
 * again. The development issuer runs in this JVM. Used by the
 * fault-injection tests and the benchmark; everything lives under one directory, removed on {@link #close()}.
 */
public final class ProcessStack implements AutoCloseable {

    /**
     * A small service's JVM: the serial collector (no collector threads of its own, the least CPU on 2 cores with
     * a small heap), a heap of 128 MB (the services keep about 45 MB live under the benchmark's load), a bounded code
     * cache and thread stacks, and the C library's freed memory given back to the system every 5 s.
     * docker-compose.yml gives its services the same (and {@link #SMALL_SERVICE_ENVIRONMENT}); what they measured is
     * in docs/CONFIGURATION.md ("Memory").
     */
    public static final List<String> SMALL_SERVICE_JVM = List.of("-XX:+UseSerialGC", "-Xmx128m",
            "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:TrimNativeHeapInterval=5000");

    /**
     * A small service's environment (beyond this JVM's): two C-library malloc arenas instead of one per thread up to
     * eight per core, so that the memory freed by one thread is found by the next.
     */
    public static final Map<String, String> SMALL_SERVICE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /**
     * {@code seedFile}: bed-availability's seed (several comma-separated); {@code demoUsers}: the issuer's users
     * (null: the clone's); {@code serviceJvmOptions}: for each service JVM (heap, GC); {@code extraProperties}: for
     * the three services; {@code instances}: JVMs per service, each on a port and with a log of its own, all of a
     * service in one consumer group against one database.
     */
    public record Options(Path directory, String seedFile, String demoUsers, List<String> serviceJvmOptions,
                          Map<String, String> extraProperties, int instances) {

        public Options {
            if (instances < 1) {
                throw new IllegalArgumentException("At least one instance per service, not " + instances);
            }
        }

        /** One instance of each service (the benchmark's stack). */
        public Options(Path directory, String seedFile, String demoUsers, List<String> serviceJvmOptions,
                       Map<String, String> extraProperties) {
            this(directory, seedFile, demoUsers, serviceJvmOptions, extraProperties, 1);
        }
    }

    public static final List<String> SERVICE_NAMES = List.of("bed-availability", "request-matching", "notification");

    private final Path directory;
    private final EmbeddedPostgresServer postgres;
    private final KafkaBrokerProcess kafka;
    private final ConfigurableApplicationContext issuer;
    /** The instances of each service, by the service's name. */
    private final Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();

    private ProcessStack(Options options) {
        directory = options.directory();
        postgres = EmbeddedPostgresServer.startRestartable(FreePort.pick(), directory.resolve("postgres"));
        kafka = KafkaBrokerProcess.start(directory.resolve("kafka"));
        RunningServices.Settings settings = new RunningServices.Settings(0, 0, 0, 0, options.seedFile(),
                options.demoUsers(), "", options.extraProperties());
        issuer = RunningServices.startIssuer(settings);
        for (String name : SERVICE_NAMES) {
            // one database per service (created here, once), shared by its instances
            Map<String, String> shared = RunningServices.serviceProperties(name, 0, postgres, kafka, settings,
                    RunningServices.url(issuer));
            List<ServiceProcess> instances = new ArrayList<>();
            for (int number = 1; number <= options.instances(); number++) {
                String instance = options.instances() == 1 ? name : name + "-" + number;
                int port = FreePort.pick();
                Map<String, String> properties = new HashMap<>(shared);
                properties.put("server.port", String.valueOf(port));
                // the instance's name on its database connections (pg_stat_activity.application_name)
                properties.put("spring.r2dbc.url", withOption(shared.get("spring.r2dbc.url"),
                        "applicationName=" + instance));
                instances.add(new ServiceProcess(name, instance, port, options.serviceJvmOptions(), properties,
                        directory.resolve("logs").resolve(instance + ".log")));
            }
            services.put(name, List.copyOf(instances));
        }
    }

    private static String withOption(String url, String option) {
        return url + (url.contains("?") ? "&" : "?") + option;
    }

    /** Starts the broker, the database, the issuer and every instance of the services, and waits until all are ready. */
    public static ProcessStack start(Options options, Duration timeout) {
        ProcessStack stack = new ProcessStack(options);
        try {
            // one bed-availability first: it seeds the region the others learn from its events
            stack.bedAvailability().start();
            stack.bedAvailability().awaitReady(timeout);
            List<ServiceProcess> rest = stack.services().stream().filter(s -> s != stack.bedAvailability()).toList();
            rest.forEach(ServiceProcess::start);
            rest.forEach(service -> service.awaitReady(timeout));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The first instance of bed-availability. */
    public ServiceProcess bedAvailability() {
        return instances("bed-availability").get(0);
    }

    /** The first instance of request-matching. */
    public ServiceProcess requestMatching() {
        return instances("request-matching").get(0);
    }

    /** The first instance of notification. */
    public ServiceProcess notification() {
        return instances("notification").get(0);
    }

    /** The instances of the service of this name, in their order (1, 2, ...). */
    public List<ServiceProcess> instances(String service) {
        List<ServiceProcess> instances = services.get(service);
        if (instances == null) {
            throw new IllegalArgumentException("No service named " + service + "; one of " + services.keySet());
        }
        return instances;
    }

    /** Every instance of the three services, bed-availability's first. */
    public List<ServiceProcess> services() {
        return services.values().stream().flatMap(List::stream).toList();
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
        for (ServiceProcess service : services()) {
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
