package nl.adempauze.bedavailability.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import nl.adempauze.bedavailability.BedAvailabilityApplication;
import nl.adempauze.bedavailability.api.CapacityView;
import nl.adempauze.bedavailability.api.NightsView;
import nl.adempauze.bedavailability.application.LocationService;
import nl.adempauze.bedavailability.application.RegionSeedLoader;
import nl.adempauze.bedavailability.application.RegionService;
import nl.adempauze.bedavailability.domain.Hold;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.Nights;
import nl.adempauze.platform.messaging.ConsumerGroupLag;
import nl.adempauze.contracts.Topic;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.platform.testing.AdjustableClock;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The running service against a real Kafka broker and a real PostgreSQL, seeded with the Drenthe demo region.
 * Every integration test class extends this, so they all share one Spring context (and one database): a test
 * works on a location and care type of its own, and sets the capacity it relies on before it acts.
 * <p>
 * Every API call carries the token of who would make it (see docs/SECURITY.md): a location's capacity and status
 * are changed by its own provider, admissions and discharges confirmed by the hold's provider; reads go as a
 * referrer (the shared picture is open to every signed-in role) and holds are read as a coordinator of the region.
 * {@link #web} itself sends no token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = BedAvailabilityApplication.class,
        properties = {"spring.config.name=bed-availability", "adempauze.seed.file=classpath:seeds/drenthe.json",
                // one context for every class: the malformed-bodies test sends far more than a person does, and no
                // test here is about the rate limit (the platform's own tests are)
                "adempauze.rate-limit.requests-per-second=10000", "adempauze.rate-limit.burst=10000"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
@Import(AdjustableClock.Configuration.class)
public abstract class BedAvailabilityIntegrationTest {

    protected static final String REGION = "drenthe";
    protected static final String SEED = "classpath:seeds/drenthe.json";
    /** A referrer organisation of the region: reads regions, locations and capacity like every signed-in role. */
    protected static final String READER = TestTokens.referrer("huisartsenpost-drenthe");
    /** A coordinator of the region: reads its holds. */
    protected static final String COORDINATOR = TestTokens.coordinator(REGION);
    private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
    /** A provider with no location at all. */
    protected static final String PROVIDER_WITHOUT_LOCATIONS = "zorggroep-zonder-locaties";
    /** The consumer group bed-availability reads offers with. */
    private static final String OFFER_CONSUMER_GROUP = EventCatalogue.BED_AVAILABILITY;
    /** Sends no token: pick who calls with {@link #as}. */
    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient db;

    @Autowired
    protected AdjustableClock clock;

    @Autowired
    private RegionService regionService;

    @Autowired
    private LocationRepository locationRepository;

    @Autowired
    private LocationService locationService;

    @Autowired
    private RegionRepository regionRepository;

    @Autowired
    private TransactionalOperator tx;

    /** The seed loader as a (re)start with this {@code adempauze.seed.file} runs it. */
    protected void startWithSeedFiles(String setting) {
        new RegionSeedLoader(setting, 60, regionService, locationRepository, locationService, regionRepository, tx,
                clock).run(null);
    }

    /**
     * Calls the API with this bearer token. The platform's 64 KB limit ({@code spring.http.codecs.max-in-memory-size})
     * is meant for request bodies, but Boot applies it to this client's codecs too; a region's calendar for a year is
     * larger, so the client reads responses of up to {@link #MAX_RESPONSE_BYTES}.
     */
    protected WebTestClient as(String token) {
        return web.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
                .defaultHeaders(TestTokens.as(token))
                .build();
    }

    /** The provider of a location, as the service registered it; for an unknown location a provider without any. */
    protected String providerOf(String locationId) {
        return db.sql("SELECT provider_id FROM location WHERE id = :id").bind("id", locationId)
                .map(row -> row.get("provider_id", String.class)).one()
                .blockOptional(Duration.ofSeconds(10)).orElse(PROVIDER_WITHOUT_LOCATIONS);
    }

    /** Calls the API as a planner of the location's own provider. */
    protected WebTestClient asProviderOf(String locationId) {
        return as(TestTokens.provider(providerOf(locationId)));
    }

    protected static String bootstrapServers() {
        return RealInfrastructure.get().kafka().bootstrapServers();
    }

    /** Plays request-matching (or a broker redelivering) on the real broker. */
    protected static TestEventProducer producer() {
        return TestEventProducer.shared();
    }

    /** Starts recording the topics now: create it before acting, so nothing the action causes is missed. */
    protected static TopicRecorder recorder(String... topics) {
        return new TopicRecorder(bootstrapServers(), Arrays.asList(topics));
    }

    protected static TopicRecorder recorder(Topic... topics) {
        return recorder(Arrays.stream(topics).map(Topic::name).toArray(String[]::new));
    }

    /** Waits for the event of this type that {@code which} picks, and asserts it came exactly once. */
    protected static <T> T awaitOne(TopicRecorder recorder, Class<T> type, Predicate<T> which) {
        List<T> found = await(type.getSimpleName()).atMost(Duration.ofSeconds(15))
                .until(() -> recorder.payloads(type, which), events -> !events.isEmpty());
        assertThat(found).as("exactly one %s", type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    protected static void assertAllConformToTheirSchema(TopicRecorder recorder) {
        assertThat(recorder.all()).allSatisfy(seen -> assertThat(seen.schemaErrors())
                .as("schema errors of %s %s on %s", seen.type(), seen.id(), seen.topic()).isEmpty());
    }

    protected static String newOfferId() {
        return "offer-" + UUID.randomUUID();
    }

    /** A crisis hold of one bed free now. */
    protected static HoldRequested holdRequested(String offerId, String locationId, String careType) {
        return new HoldRequested(offerId, requestIdOf(offerId), REGION, locationId, careType, "CRISIS", null, null,
                false, Instant.now());
    }

    /** A hold of one bed on each of {@code nights} calendar nights from {@code firstNight}. */
    protected static HoldRequested stayRequested(String offerId, String locationId, String careType, String urgency,
                                                 LocalDate firstNight, int nights, boolean protectionOverride) {
        return new HoldRequested(offerId, requestIdOf(offerId), REGION, locationId, careType, urgency, firstNight,
                nights, protectionOverride, Instant.now());
    }

    protected static String requestIdOf(String offerId) {
        return "request-" + offerId;
    }

    /** Publishes free beds now as the location's provider. */
    protected WebTestClient.ResponseSpec putCapacity(String locationId, String careType, String json) {
        return asProviderOf(locationId).put().uri("/api/v1/locations/{id}/capacity/{careType}", locationId, careType)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    /** Publishes free beds as the provider would, and returns the resulting figure. */
    protected CapacityView.CareTypeCapacity publish(String locationId, String careType, int freeBeds) {
        return putCapacity(locationId, careType, "{\"freeBeds\":" + freeBeds + "}")
                .expectStatus().isOk()
                .expectBody(CapacityView.CareTypeCapacity.class)
                .returnResult().getResponseBody();
    }

    /** The night running now by the service's clock. */
    protected LocalDate tonight() {
        return Nights.nightOf(clock.instant());
    }

    /** Publishes free beds per night as the location's provider. */
    protected WebTestClient.ResponseSpec putNights(String locationId, String careType, String json) {
        return asProviderOf(locationId).put().uri("/api/v1/locations/{id}/capacity/{careType}/nights", locationId, careType)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    /** Publishes the same free beds for the nights {@code from..to} as the provider would. */
    protected NightsView.Published publishNights(String locationId, String careType, LocalDate from, LocalDate to,
                                                 int freeBeds) {
        return putNights(locationId, careType, "{\"nights\":[{\"from\":\"" + from + "\",\"to\":\"" + to
                        + "\",\"freeBeds\":" + freeBeds + "}]}")
                .expectStatus().isOk()
                .expectBody(NightsView.Published.class)
                .returnResult().getResponseBody();
    }

    protected NightsView nightsView(String careType, LocalDate from, LocalDate to) {
        return as(READER).get().uri("/api/v1/regions/{region}/capacity/nights?careType={careType}&from={from}&to={to}",
                        REGION, careType, from, to)
                .exchange()
                .expectStatus().isOk()
                .expectBody(NightsView.class)
                .returnResult().getResponseBody();
    }

    /** The nights {@code from..to} of one location as the region's night view shows them now. */
    protected NightsView.LocationNights nightsAt(String locationId, String careType, LocalDate from, LocalDate to) {
        return nightsView(careType, from, to).locations().stream()
                .filter(location -> location.locationId().equals(locationId))
                .findFirst().orElseThrow(() -> new AssertionError(
                        "No " + careType + " calendar at " + locationId + " in the region's night view"));
    }

    protected CapacityView regionView(String careType) {
        return as(READER).get().uri(builder -> builder.path("/api/v1/regions/{region}/capacity")
                        .queryParamIfPresent("careType", java.util.Optional.ofNullable(careType)).build(REGION))
                .exchange()
                .expectStatus().isOk()
                .expectBody(CapacityView.class)
                .returnResult().getResponseBody();
    }

    protected CapacityView.LocationCapacity locationView(String locationId) {
        return regionView(null).locations().stream()
                .filter(location -> location.locationId().equals(locationId))
                .findFirst().orElseThrow(() -> new AssertionError("Location " + locationId + " not in region view"));
    }

    /** The figure the region view shows now for one location and care type. */
    protected CapacityView.CareTypeCapacity capacityOf(String locationId, String careType) {
        return regionView(careType).locations().stream()
                .filter(location -> location.locationId().equals(locationId))
                .flatMap(location -> location.careTypes().stream())
                .filter(figure -> figure.careType().equals(careType))
                .findFirst().orElseThrow(() -> new AssertionError(
                        "No " + careType + " capacity at " + locationId + " in region view"));
    }

    /** Opens or closes a location as its provider. */
    protected WebTestClient.ResponseSpec putStatus(String locationId, String json) {
        return asProviderOf(locationId).put().uri("/api/v1/locations/{id}/status", locationId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    /** Confirms the admission of a hold as the provider of its location. */
    protected WebTestClient.ResponseSpec admit(String offerId, String locationId) {
        return asProviderOf(locationId).post().uri("/api/v1/holds/{offer}/admission", offerId).exchange();
    }

    /** Confirms the discharge of a hold as the provider of its location. */
    protected WebTestClient.ResponseSpec discharge(String offerId, String locationId) {
        return asProviderOf(locationId).post().uri("/api/v1/holds/{offer}/discharge", offerId).exchange();
    }

    /** The hold for an offer, as a coordinator of the region reads it. */
    protected Hold hold(String offerId) {
        return as(COORDINATOR).get().uri("/api/v1/holds/{offer}", offerId).exchange()
                .expectStatus().isOk()
                .expectBody(Hold.class).returnResult().getResponseBody();
    }

    /**
     * Nothing left in flight that could change rows while bodies are refused: every offer (of this test or one
     * before it) handled and committed, and the outbox relayed.
     */
    protected void awaitQuiet() {
        awaitOffersConsumed();
        await("outbox relayed").atMost(Duration.ofSeconds(30)).until(() -> db.sql("SELECT count(*) FROM outbox_event")
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10)) == 0L);
    }

    /**
     * Waits until bed-availability has handled (and committed) every record on the offers topic, so a test can
     * assert that nothing more will happen, e.g. after redeliveries.
     */
    protected static void awaitOffersConsumed() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            await("offers consumed by " + OFFER_CONSUMER_GROUP).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> ConsumerGroupLag.of(admin, OFFER_CONSUMER_GROUP,
                            java.util.List.of(EventCatalogue.OFFERS.name())) == 0);
        }
    }
}
