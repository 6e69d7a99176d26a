package nl.adempauze.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.platform.testing.RealInfrastructure;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The whole system, once per test JVM: real broker and database, the development issuer with the demo users, the
 * three services with the demo region (in the {@code local} profile, trusting that issuer, like the stack a newcomer
 * runs), the front door, and a duplicator that delivers every event a second time. Tests sign in as demo users
 * ({@link #as}); every call carries the token of the role the access rules in docs/SECURITY.md expect.
 */
final class E2eStack {

    /** Demo users (seeds/demo-users.json) the tests act as. */
    static final String REFERRER = "huisarts-assen";
    static final String HOSPITAL_REFERRER = "transferpunt-wza";
    static final String RESPITE_CONSULTANT = "respijtconsulent-emmen";
    static final String COORDINATOR = "coordinator-drenthe";
    static final String OTHER_REGION_COORDINATOR = "coordinator-groningen";
    /** Administers drenthe. */
    static final String ADMIN = "admin";
    /** Administers groningen only. */
    static final String OTHER_REGION_ADMIN = "admin-groningen";

    private static E2eStack instance;

    final RealInfrastructure infrastructure = RealInfrastructure.get();
    final RunningServices services;
    final FrontDoor frontDoor;
    final EventDuplicator duplicator;
    final DemoTokens tokens;
    /** The stand-in SMTP server and SMS gateway notification sends pages and follow-ups to (as the local stack's). */
    final DevOutbox outbox;
    private final Map<String, String> providerOfLocation = new ConcurrentHashMap<>();
    private final Map<String, WebClient> clients = new ConcurrentHashMap<>();

    private E2eStack() {
        String prefix = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
        outbox = DevOutbox.start(0, 0);
        Map<String, String> settings = new HashMap<>(outbox.notificationProperties());
        settings.putAll(Map.of(
                "adempauze.webhooks.initial-backoff", "PT0.2S",
                "adempauze.webhooks.allow-private-networks", "true",
                // The load tests send far more than a person does (NeverDoubleBook: 200 requests at once from
                // one referrer, then polls them all; the month of respite polls every 200 ms): the E2E stack
                // lifts the per-client rate limit. The stack a newcomer runs keeps the defaults (20/s, 100).
                "adempauze.rate-limit.requests-per-second", "5000",
                "adempauze.rate-limit.burst", "5000"));
        services = RunningServices.start(infrastructure.postgres(), infrastructure.kafka(), new RunningServices.Settings(
                0, 0, 0, 0, "classpath:seeds/drenthe.json,classpath:seeds/groningen.json", demoUsersFile(), prefix,
                settings));
        frontDoor = FrontDoor.start(0, services);
        duplicator = new EventDuplicator(infrastructure.kafka().bootstrapServers());
        services.awaitReady(Duration.ofMinutes(2));
        tokens = new DemoTokens(url());
    }

    static synchronized E2eStack get() {
        if (instance == null) {
            instance = new E2eStack();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.duplicator.close();
                instance.frontDoor.close();
                instance.services.close();
                instance.outbox.close();
            }));
        }
        return instance;
    }

    /** The repository's seeds/demo-users.json itself, so the tests use the very users a newcomer signs in as. */
    static String demoUsersFile() {
        return Seeds.file("demo-users.json").toUri().toString();
    }

    /** Waits until matching has read every location and capacity event, so it ranks from the current figures. */
    void awaitMatchingCaughtUp() {
        String kafka = infrastructure.kafka().bootstrapServers();
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> ConsumerLag.of(kafka, "request-matching-replica", EventCatalogue.LOCATIONS.name()) == 0
                        && ConsumerLag.of(kafka, "request-matching-replica", EventCatalogue.CAPACITY.name()) == 0);
    }

    String url() {
        return "http://localhost:" + frontDoor.port();
    }

    /** A client of the front door signed in as this demo user: its token on every request. */
    WebClient as(String user) {
        return clients.computeIfAbsent(user, u -> WebClient.builder().baseUrl(url()).defaultHeaders(tokens.as(u))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build());
    }

    /** The demo user of the provider that runs this location (which the location itself tells, to anyone). */
    String providerOf(String locationId) {
        return providerOfLocation.computeIfAbsent(locationId, id -> {
            Map<?, ?> answer = as(COORDINATOR).get().uri("/api/v1/locations/{id}", id).retrieve()
                    .bodyToMono(Map.class).block();
            Map<?, ?> location = answer.get("location") instanceof Map<?, ?> inner ? inner : answer;
            return tokens.providerUser((String) location.get("providerId"));
        });
    }

    /**
     * Publishes, as each location's own provider, that {@code region}'s locations with {@code careType} have
     * {@code available} beds that can be held, whatever is held there now (a figure below the held beds would be
     * refused). Answers the locations. Tests that need a region full use it for the region and its neighbour
     * (Drenthe offers Groningen's beds when it has none).
     */
    List<String> makeAvailable(String region, String careType, int available) {
        String coordinator = region.equals("drenthe") ? COORDINATOR : OTHER_REGION_COORDINATOR;
        Map<?, ?> view = as(coordinator).get().uri("/api/v1/regions/{region}/capacity?careType={careType}", region,
                careType).retrieve().bodyToMono(Map.class).block();
        List<String> locations = new ArrayList<>();
        for (Object entry : (List<?>) view.get("locations")) {
            Map<?, ?> location = (Map<?, ?>) entry;
            String locationId = (String) location.get("locationId");
            int held = ((List<?>) location.get("careTypes")).stream().map(Map.class::cast)
                    .filter(figure -> careType.equals(figure.get("careType")))
                    .mapToInt(figure -> ((Number) figure.get("heldBeds")).intValue()).sum();
            asProviderOf(locationId).put().uri("/api/v1/locations/{id}/capacity/{careType}", locationId, careType)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("freeBeds", held + available)).retrieve().toBodilessEntity().block();
            locations.add(locationId);
        }
        return locations;
    }

    /** A client signed in as the provider of this location. */
    WebClient asProviderOf(String locationId) {
        return as(providerOf(locationId));
    }
}
