package nl.adempauze.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.adempauze.localstack.process.ProcessStack;
import nl.adempauze.localstack.process.ServiceProcess;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The system for the fault-injection tests, once per test JVM: the broker and PostgreSQL as processes that can be
 * stopped and started again with their data, and each service in a JVM of its own that can be killed (SIGKILL) and
 * started again (see {@link ProcessStack}), two instances of each as production runs them: a test can kill one while
 * the other serves. Tests sign in as the demo users, like {@link E2eStack}.
 */
final class FaultStack {

    /** The service JVMs start with the client compiler only: a restart mid-test is twice as fast on 2 cores. */
    private static final List<String> SERVICE_JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    /** Instances of each service: two, so that one can die while the other serves. */
    static final int INSTANCES = 2;

    private static FaultStack instance;

    final ProcessStack processes;
    /** The SMTP server notification sends page e-mails to; a test may stop it and start it again. */
    final RestartableMailServer mail = new RestartableMailServer();
    /** The SMS gateway notification sends page texts to: a real HTTP receiver taking the gateway's JSON. */
    final WebhookReceiver smsGateway = new WebhookReceiver();
    private final DemoTokens tokens;
    private final Map<String, WebClient> clients = new ConcurrentHashMap<>();

    private FaultStack() {
        Path directory = Path.of("target", "fault-stack-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
        processes = ProcessStack.start(new ProcessStack.Options(directory, "classpath:seeds/drenthe.json",
                E2eStack.demoUsersFile(), SERVICE_JVM, Map.ofEntries(
                        Map.entry("adempauze.webhooks.initial-backoff", "PT0.2S"),
                        Map.entry("adempauze.webhooks.allow-private-networks", "true"),
                        // the load is one GP post sending several requests a second for minutes
                        Map.entry("adempauze.rate-limit.requests-per-second", "5000"),
                        Map.entry("adempauze.rate-limit.burst", "5000"),
                        Map.entry("spring.mail.host", "127.0.0.1"),
                        Map.entry("spring.mail.port", String.valueOf(mail.port())),
                        Map.entry("adempauze.paging.sms.url", smsGateway.url()),
                        // a message the mail server refused is tried again soon, for longer than an outage lasts
                        Map.entry("adempauze.paging.initial-backoff", "PT0.5S"),
                        Map.entry("adempauze.paging.max-backoff", "PT5S"),
                        Map.entry("adempauze.paging.max-attempts", "40")), INSTANCES), Duration.ofMinutes(4));
        tokens = new DemoTokens(processes.issuerUrl());
    }

    static synchronized FaultStack get() {
        if (instance == null) {
            instance = new FaultStack();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.processes.close();
                instance.mail.close();
                instance.smsGateway.close();
            }));
        }
        return instance;
    }

    /** A client of this service signed in as the demo user. */
    WebClient as(String user, ServiceProcess service) {
        return clients.computeIfAbsent(user + "@" + service.instance(), key -> WebClient.builder().baseUrl(service.url())
                .defaultHeaders(tokens.as(user)).build());
    }

    WebClient requestMatching(String user) {
        return as(user, processes.requestMatching());
    }

    WebClient bedAvailability(String user) {
        return as(user, processes.bedAvailability());
    }

    WebClient notification(String user) {
        return as(user, processes.notification());
    }

    /** A client of bed-availability signed in as the provider that runs this location. */
    WebClient bedAvailabilityAsProviderOf(String locationId) {
        Map<?, ?> answer = bedAvailability(E2eStack.COORDINATOR).get().uri("/api/v1/locations/{id}", locationId)
                .retrieve().bodyToMono(Map.class).block();
        Map<?, ?> location = answer.get("location") instanceof Map<?, ?> inner ? inner : answer;
        return bedAvailability(tokens.providerUser((String) location.get("providerId")));
    }

    /** The instances of request-matching, in their order. */
    List<ServiceProcess> requestMatchingInstances() {
        return processes.instances("request-matching");
    }

    /** Kills the service mid-flow and starts it again; answers when it is ready. */
    void killAndRestart(ServiceProcess service) {
        service.kill();
        restart(service);
    }

    /** Starts a killed instance again; answers when it is ready. */
    void restart(ServiceProcess service) {
        service.start();
        service.awaitReady(Duration.ofMinutes(2));
    }
}
