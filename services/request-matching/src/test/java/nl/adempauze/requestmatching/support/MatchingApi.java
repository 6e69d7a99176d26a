package nl.adempauze.requestmatching.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.platform.testing.SeedEvents;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.api.RequestView;
import nl.adempauze.requestmatching.domain.AuditEntry;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the request-matching integration tests do again and again: submit, read and wait for requests and events. */
public final class MatchingApi {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The referrer organisation the tests submit for, and tokens of the roles they act in. */
    public static final String REFERRER_ORGANISATION = "huisartsenpost-drenthe";
    public static final String REFERRER = TestTokens.referrer(REFERRER_ORGANISATION);
    public static final String COORDINATOR = TestTokens.coordinator("drenthe");

    private static final ParameterizedTypeReference<List<AuditEntry>> AUDIT = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient web;
    private final DatabaseClient db;

    public MatchingApi(WebTestClient web, DatabaseClient db) {
        this.web = web;
        this.db = db;
    }

    /** Signs a call in as the referrer organisation the tests submit for. */
    public static Consumer<HttpHeaders> asReferrer() {
        return TestTokens.as(REFERRER);
    }

    /** Signs a call in as a coordinator of drenthe. */
    public static Consumer<HttpHeaders> asCoordinator() {
        return TestTokens.as(COORDINATOR);
    }

    /** Signs a call in as a planner of the provider of this location (from the replica of locations). */
    public Consumer<HttpHeaders> asProviderOf(String locationId) {
        String providerId = db.sql("SELECT provider_id FROM location_replica WHERE id = :id").bind("id", locationId)
                .map(row -> row.get("provider_id", String.class)).one().block(TIMEOUT);
        assertThat(providerId).as("provider of location " + locationId).isNotNull();
        return TestTokens.as(TestTokens.provider(providerId));
    }

    /** Submits a request that must be accepted (201); returns its id. */
    public String submit(String body) {
        RequestView view = web.post().uri("/api/v1/requests").headers(asReferrer()).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(RequestView.class)
                .returnResult().getResponseBody();
        assertThat(view).isNotNull();
        return view.id();
    }

    /** The audit trail's entries of one action on a request, as an admin reads them. */
    public List<AuditEntry> audit(String requestId, String action) {
        return audit("requestId=" + requestId + "&action=" + action);
    }

    /** The audit trail as an admin reads it ({@code query}: e.g. "requestId=...&action=HANDOVER_READ"), newest first. */
    public List<AuditEntry> audit(String query) {
        return web.get().uri("/api/v1/audit?" + query).headers(TestTokens.as(TestTokens.admin())).exchange()
                .expectStatus().isOk().expectBody(AUDIT).returnResult().getResponseBody();
    }

    public RequestView view(String requestId) {
        return web.get().uri("/api/v1/requests/{id}", requestId).headers(asReferrer()).exchange().expectStatus().isOk()
                .expectBody(RequestView.class).returnResult().getResponseBody();
    }

    public void awaitStatus(String requestId, String status) {
        await("request " + requestId + " " + status).atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> view(requestId).status(), status::equals);
    }

    /** The first recorded event of this type that {@code filter} picks, once it has arrived. */
    public static <T> T awaitFirst(TopicRecorder recorder, Class<T> type, Predicate<T> filter) {
        return await(type.getSimpleName()).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> recorder.payloads(type, filter), found -> !found.isEmpty())
                .get(0);
    }

    /**
     * Plays bed-availability: announces the seeded region and one location of its own provider near Assen (in postcode
     * area 9401) with {@code freeBeds} free beds of {@code careType}, and waits until matching has read them.
     * Returns the location id; its provider is {@code "provider-" + id}.
     */
    public String regionWithOneLocation(String prefix, String careType, int freeBeds) {
        TestEventProducer.shared().send(SeedEvents.regionConfigured("classpath:seeds/drenthe.json"));
        await().atMost(TIMEOUT).until(() -> db.sql("SELECT count(*) FROM postcode_area WHERE pc4 = '9401'")
                .map((row, meta) -> row.get(0, Long.class)).one().block() == 1L);
        String location = prefix + UUID.randomUUID().toString().substring(0, 8);
        TestEventProducer.shared().send(new LocationRegistered(location, "drenthe", "provider-" + location,
                "Zorggroep " + prefix, "Huize " + prefix, new Address("Teststraat 3", "9401 AA", "Assen"), "Assen",
                52.9930, 6.5600, List.of("DEMENTIA"), List.of(careType),
                List.of(new FunderContract("zilveren-kruis", List.of(careType))), true, null, Instant.now()));
        publish(location, careType, freeBeds, 1);
        return location;
    }

    /** Plays bed-availability publishing free beds now (with a higher version each time), and waits for matching. */
    public void publish(String location, String careType, int freeBeds, long version) {
        TestEventProducer.shared().send(new CapacityPublished(location, "drenthe", careType, freeBeds, 0, freeBeds,
                version, Instant.now()));
        await().atMost(TIMEOUT).until(() -> db.sql(
                        "SELECT count(*) FROM capacity_replica WHERE location_id = :id AND available_beds = :beds")
                .bind("id", location).bind("beds", freeBeds).map((row, meta) -> row.get(0, Long.class)).one()
                .block() == 1L);
    }
}
