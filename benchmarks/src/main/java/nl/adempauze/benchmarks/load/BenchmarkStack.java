package nl.adempauze.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.adempauze.localstack.process.ProcessStack;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The system under test: the local stack's process stack (a real KRaft broker and PostgreSQL, each service in a JVM
 * of its own), with the per-client rate limit lifted (the load generator is one client sending hundreds of requests
 * a second) and webhooks allowed to the receiver on loopback. Services are called on their own ports.
 */
public final class BenchmarkStack implements AutoCloseable {

    /** Each service JVM: as the process stack runs them (serial collector, bounded heap and code cache). */
    public static final List<String> SERVICE_JVM_OPTIONS = ProcessStack.SMALL_SERVICE_JVM;

    /** Service properties beyond the local stack's. */
    public static final Map<String, String> SERVICE_PROPERTIES = properties();
    /**
     * The load generator's connection pool: large enough that 500 requests/s with answers of up to a few seconds
     * never wait for a connection, so the wait is the service's, not ours.
     */
    public static final int MAX_CONNECTIONS = 1000;

    private final ProcessStack stack;
    private final WebClient web;
    private final Tokens tokens;

    private BenchmarkStack(ProcessStack stack) {
        this.stack = stack;
        this.web = client();
        this.tokens = new Tokens(web, stack.issuerUrl());
    }

    /** Starts the stack in {@code directory}, bed-availability seeded from the given region seeds, and waits. */
    public static BenchmarkStack start(Path directory, List<Path> seeds, Path demoUsers) {
        String seedFiles = seeds.stream().map(seed -> seed.toAbsolutePath().toString())
                .collect(Collectors.joining(","));
        ProcessStack stack = ProcessStack.start(new ProcessStack.Options(directory.toAbsolutePath(), seedFiles,
                demoUsers.toAbsolutePath().toUri().toString(), SERVICE_JVM_OPTIONS, SERVICE_PROPERTIES),
                Duration.ofMinutes(5));
        return new BenchmarkStack(stack);
    }

    /** A non-blocking client (reactor-netty). */
    private static WebClient client() {
        ConnectionProvider pool = ConnectionProvider.builder("benchmark").maxConnections(MAX_CONNECTIONS)
                .pendingAcquireMaxCount(100_000).pendingAcquireTimeout(Duration.ofSeconds(60))
                .maxIdleTime(Duration.ofSeconds(30)).build();
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)
                        .responseTimeout(Duration.ofSeconds(30))))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
    }

    private static Map<String, String> properties() {
        // one load generator sends hundreds of requests a second; webhooks go to the receiver on loopback
        return Map.of("adempauze.rate-limit.requests-per-second", "1000000", "adempauze.rate-limit.burst", "1000000",
                "adempauze.webhooks.allow-private-networks", "true", "adempauze.webhooks.initial-backoff", "PT0.2S");
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
