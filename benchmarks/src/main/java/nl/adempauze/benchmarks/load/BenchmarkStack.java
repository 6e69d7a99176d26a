package nl.adempauze.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.adempauze.localstack.process.ProcessStack;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The system under test: the local stack's process stack (a real KRaft broker and PostgreSQL, each service in a JVM
 * of its own), with the per-client rate limit lifted (the load generator is one client sending hundreds of requests
 * a second) and webhooks allowed to the receiver on loopback. Services are called on their own ports.
 */
public final class BenchmarkStack implements AutoCloseable {

    /** Each service JVM: a fixed heap ceiling, the JVM's default collector. */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx512m");

    /** Service properties beyond the local stack's. */
    public static final Map<String, String> SERVICE_PROPERTIES = properties();

    private final ProcessStack stack;
    private final WebClient web;
    private final Tokens tokens;
    private final Duration startup;

    private BenchmarkStack(ProcessStack stack, Duration startup) {
        this.stack = stack;
        this.startup = startup;
        this.web = Http.client();
        this.tokens = new Tokens(web, stack.issuerUrl());
    }

    /** Starts the stack in {@code directory}, bed-availability seeded from the given region seeds, and waits. */
    public static BenchmarkStack start(Path directory, List<Path> seeds, Path demoUsers) {
        long started = System.nanoTime();
        String seedFiles = seeds.stream().map(seed -> seed.toAbsolutePath().toString())
                .collect(Collectors.joining(","));
        ProcessStack stack = ProcessStack.start(new ProcessStack.Options(directory.toAbsolutePath(), seedFiles,
                demoUsers.toAbsolutePath().toUri().toString(), SERVICE_JVM_OPTIONS, SERVICE_PROPERTIES),
                Duration.ofMinutes(5));
        return new BenchmarkStack(stack, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("adempauze.rate-limit.requests-per-second", "1000000");
        properties.put("adempauze.rate-limit.burst", "1000000");
        properties.put("adempauze.webhooks.allow-private-networks", "true");
        properties.put("adempauze.webhooks.initial-backoff", "PT0.2S");
        return Map.copyOf(properties);
    }

    public ProcessStack processes() {
        return stack;
    }

    public WebClient web() {
        return web;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** From the start of the broker to all three services ready. */
    public Duration startup() {
        return startup;
    }

    public String bedAvailability() {
        return stack.bedAvailability().url();
    }

    public String requestMatching() {
        return stack.requestMatching().url();
    }

    public String notification() {
        return stack.notification().url();
    }

    @Override
    public void close() {
        stack.close();
    }
}
