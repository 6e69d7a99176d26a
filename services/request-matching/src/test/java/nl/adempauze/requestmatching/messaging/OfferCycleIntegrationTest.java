package nl.adempauze.requestmatching.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.BedHoldRefused;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.contracts.events.RequestCancelled;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestMatched;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.SeedEvents;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.api.RequestView;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The offer cycle end to end on a real broker and database: this test plays bed-availability, feeding the replica
 * with the seeded region's configuration and two locations of its own and answering hold requests, while a referrer
 * and a provider use the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = {"spring.config.name=request-matching", "adempauze.matching.hold-answer-timeout=PT8S"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class OfferCycleIntegrationTest {

    private static final String REGION = "drenthe";
    private static final String CARE_TYPE = "ELV_HOOG";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String REQUEST_BODY = """
            {"region":"drenthe","careType":"ELV_HOOG","urgency":"CRISIS","residence":{"postcode":"9401"},
             "needs":["DEMENTIA"],"funder":"zilveren-kruis",
             "contact":{"name":"Huisartsenpost Assen","phone":"0592 123456"}}""";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    private MatchingApi api;

    private String near;
    private String far;
    private TopicRecorder recorder;

    private static TestEventProducer producer() {
        return TestEventProducer.shared();
    }

    @BeforeEach
    void feedReplica() {
        api = new MatchingApi(web, db);
        // as bed-availability announces the seeded region: care types, deadlines, municipalities, postcodes
        producer().send(SeedEvents.regionConfigured("classpath:seeds/drenthe.json"));
        await().atMost(TIMEOUT).until(() -> db.sql("SELECT count(*) FROM postcode_area WHERE pc4 = '9401'")
                .map((row, meta) -> row.get(0, Long.class)).one().block() == 1L);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        near = "loc-near-" + suffix;
        far = "loc-far-" + suffix;
        // Assen itself, and about 15 km east of it
        producer().send(location(near, "Zorgcentrum Dichtbij", 52.9930, 6.5600));
        producer().send(location(far, "Zorgcentrum Verweg", 52.9930, 6.7820));
        producer().send(capacity(near, 1, 1));
        producer().send(capacity(far, 1, 1));
        awaitAvailable(1);
        recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), EventCatalogue.REQUESTS.name()));
    }

    /** Takes this test's locations out of the candidates again, so the next test only sees its own. */
    @AfterEach
    void emptyReplica() {
        if (recorder != null) {
            recorder.close();
        }
        producer().send(capacity(near, 0, 2));
        producer().send(capacity(far, 0, 2));
        awaitAvailable(0);
    }

    @Test
    void declinedAndRefusedOffersMoveToTheNextCandidateAndEscalateWhenNoneIsLeft() {
        String requestId = submit();

        HoldRequested firstHold = awaitHoldRequested(requestId, near);
        producer().send(new BedHeld(firstHold.offerId(), requestId, near, CARE_TYPE, null, null, 0, 0, Instant.now()));
        api.awaitStatus(requestId, "OFFERED");
        OfferMade made = awaitOne(OfferMade.class, offer -> offer.offerId().equals(firstHold.offerId()));
        assertThat(made.respondBy()).isAfter(Instant.now());
        assertThat(made.explanation()).contains("km");
        assertThat(made.locationId()).isEqualTo(near);

        web.post().uri("/api/v1/offers/{id}/decline", firstHold.offerId()).headers(api.asProviderOf(firstHold.locationId()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"no staff\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DECLINED");
        OfferDeclined declined = awaitOne(OfferDeclined.class, offer -> offer.offerId().equals(firstHold.offerId()));
        // the words of a client from before reason codes are taken as a note; the event says OTHER, never them
        assertThat(declined.reason()).isEqualTo("OTHER");

        HoldRequested secondHold = awaitHoldRequested(requestId, far);
        assertThat(secondHold.offerId()).isNotEqualTo(firstHold.offerId());
        producer().send(new BedHoldRefused(secondHold.offerId(), requestId, far, CARE_TYPE, "NO_FREE_BED",
                Instant.now()));

        api.awaitStatus(requestId, "ESCALATED");
        RequestEscalated escalated = awaitOne(RequestEscalated.class, e -> e.requestId().equals(requestId));
        assertThat(escalated.reason()).isEqualTo("NO_CANDIDATE");
        assertThat(escalated.detailCode()).isEqualTo("NO_CANDIDATE");
        web.get().uri("/api/v1/regions/{region}/escalations", REGION).headers(MatchingApi.asCoordinator()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.requestId == '" + requestId + "')].reason").isEqualTo("NO_CANDIDATE")
                .jsonPath("$[?(@.requestId == '" + requestId + "')].detailCode").isEqualTo("NO_CANDIDATE")
                .jsonPath("$[?(@.requestId == '" + requestId + "')].detailValues.careType").isEqualTo(CARE_TYPE)
                .jsonPath("$[?(@.requestId == '" + requestId + "')].requestStatus").isEqualTo("ESCALATED");
        assertThat(recorder.payloads(HoldRequested.class, hold -> hold.requestId().equals(requestId))).hasSize(2);

        assertCleanEvents();
    }

    @Test
    void acceptedOfferMatchesTheRequestAndCancellingWithdrawsIt() {
        String requestId = submit();
        HoldRequested hold = awaitHoldRequested(requestId, near);
        producer().send(new BedHeld(hold.offerId(), requestId, near, CARE_TYPE, null, null, 0, 0, Instant.now()));
        api.awaitStatus(requestId, "OFFERED");

        web.post().uri("/api/v1/offers/{id}/accept", hold.offerId()).headers(api.asProviderOf(hold.locationId()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");

        RequestView matched = api.view(requestId);
        assertThat(matched.status()).isEqualTo("MATCHED");
        assertThat(matched.match()).isNotNull();
        assertThat(matched.match().offerId()).isEqualTo(hold.offerId());
        assertThat(matched.match().locationId()).isEqualTo(near);
        assertThat(matched.match().street()).isEqualTo("Teststraat 1");
        assertThat(matched.match().postcode()).isEqualTo("9401 AA");
        assertThat(matched.match().expectedAdmissionAt()).isNotNull();
        awaitOne(OfferAccepted.class, offer -> offer.offerId().equals(hold.offerId()));
        RequestMatched requestMatched = awaitOne(RequestMatched.class, m -> m.requestId().equals(requestId));
        assertThat(requestMatched.locationId()).isEqualTo(near);

        web.post().uri("/api/v1/requests/{id}/cancel", requestId).headers(MatchingApi.asReferrer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"patient recovered\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        OfferWithdrawn withdrawn = awaitOne(OfferWithdrawn.class, offer -> offer.offerId().equals(hold.offerId()));
        assertThat(withdrawn.reason()).isEqualTo("REQUEST_CANCELLED");
        awaitOne(RequestCancelled.class, cancelled -> cancelled.requestId().equals(requestId));
        assertThat(api.view(requestId).status()).isEqualTo("CANCELLED");

        assertCleanEvents();
    }

    @Test
    void declineNeedsAReasonAndAnOfferIsAcceptedOnlyOnce() {
        String requestId = submit();
        HoldRequested hold = awaitHoldRequested(requestId, near);
        producer().send(new BedHeld(hold.offerId(), requestId, near, CARE_TYPE, null, null, 0, 0, Instant.now()));
        api.awaitStatus(requestId, "OFFERED");

        for (String body : List.of("{}", "{\"reason\":\"   \"}")) {
            web.post().uri("/api/v1/offers/{id}/decline", hold.offerId()).headers(api.asProviderOf(hold.locationId()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("reasonCode");
        }
        assertThat(api.view(requestId).status()).isEqualTo("OFFERED");

        web.post().uri("/api/v1/offers/{id}/accept", hold.offerId()).headers(api.asProviderOf(hold.locationId()))
                .exchange()
                .expectStatus().isOk();
        web.post().uri("/api/v1/offers/{id}/accept", hold.offerId()).headers(api.asProviderOf(hold.locationId()))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.view(requestId).status()).isEqualTo("MATCHED");

        awaitOne(RequestMatched.class, m -> m.requestId().equals(requestId));
        assertThat(recorder.payloads(OfferAccepted.class, offer -> offer.offerId().equals(hold.offerId())))
                .hasSize(1);
        assertCleanEvents();
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheFirstRequestAndHoldsNoSecondBed() {
        String key = "gp-retry-" + UUID.randomUUID();
        String first = web.post().uri("/api/v1/requests").headers(MatchingApi.asReferrer()).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(REQUEST_BODY)
                .exchange().expectStatus().isCreated()
                .expectBody(RequestView.class).returnResult().getResponseBody().id();
        String again = web.post().uri("/api/v1/requests").headers(MatchingApi.asReferrer()).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(REQUEST_BODY)
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Location", "/api/v1/requests/" + first)
                .expectBody(RequestView.class).returnResult().getResponseBody().id();

        assertThat(again).isEqualTo(first);
        awaitHoldRequested(first, near);
        assertThat(recorder.payloads(HoldRequested.class, hold -> hold.requestId().equals(again))).hasSize(1);
        // keys are kept per submitter: the key is stored with the organisation and user it belongs to
        assertThat(db.sql("SELECT count(*) FROM request WHERE idempotency_key LIKE :key").bind("key", "%/" + key)
                .map((row, meta) -> row.get(0, Long.class)).one().block()).isEqualTo(1L);

        // another organisation that happens to use the same key gets a request of its own, never the first one
        String foreign = web.post().uri("/api/v1/requests")
                .headers(TestTokens.as(TestTokens.referrer("wza-transferpunt"))).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(REQUEST_BODY)
                .exchange().expectStatus().isCreated()
                .expectBody(RequestView.class).returnResult().getResponseBody().id();
        assertThat(foreign).isNotEqualTo(first);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefusedAndMakesNothing() {
        String key = "gp-reused-" + UUID.randomUUID();
        String first = web.post().uri("/api/v1/requests").headers(MatchingApi.asReferrer()).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(REQUEST_BODY)
                .exchange().expectStatus().isCreated()
                .expectBody(RequestView.class).returnResult().getResponseBody().id();
        // the same request with its fields in another order and other spacing is the same request
        String reordered = """
                { "urgency": "CRISIS", "careType": "ELV_HOOG", "region": "drenthe", "funder": "zilveren-kruis",
                  "contact": {"phone": "0592 123456", "name": "Huisartsenpost Assen"},
                  "needs": ["DEMENTIA"], "residence": {"postcode": "9401"} }""";
        web.post().uri("/api/v1/requests").headers(MatchingApi.asReferrer()).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(reordered)
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Location", "/api/v1/requests/" + first);

        // another patient's request sent under a key used before: refused, never answered with the first request
        String another = REQUEST_BODY.replace("[\"DEMENTIA\"]", "[]");
        assertThat(another).isNotEqualTo(REQUEST_BODY);
        web.post().uri("/api/v1/requests").headers(MatchingApi.asReferrer()).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(another)
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Idempotency-Key"));
        assertThat(db.sql("SELECT count(*) FROM request WHERE idempotency_key LIKE :key").bind("key", "%/" + key)
                .map((row, meta) -> row.get(0, Long.class)).one().block()).isEqualTo(1L);
    }

    @Test
    void aHoldNobodyAnswersIsWithdrawnAndTheNextCandidateTried() {
        String requestId = submit();
        HoldRequested unanswered = awaitHoldRequested(requestId, near);

        // bed-availability stays silent past the hold-answer timeout (8 s in this test)
        OfferWithdrawn withdrawn = await().atMost(TIMEOUT).until(() -> recorder.payloads(OfferWithdrawn.class,
                offer -> offer.offerId().equals(unanswered.offerId())), list -> !list.isEmpty()).get(0);
        assertThat(withdrawn.reason()).isEqualTo("HOLD_NOT_ANSWERED");
        HoldRequested next = awaitHoldRequested(requestId, far);
        producer().send(new BedHeld(next.offerId(), requestId, far, CARE_TYPE, null, null, 0, 0, Instant.now()));
        api.awaitStatus(requestId, "OFFERED");
        assertCleanEvents();
    }

    @Test
    void cancellingWithoutAReasonWorksButNotOnceThePatientIsAdmitted() {
        String cancelled = submit();
        awaitHoldRequested(cancelled, near);
        web.post().uri("/api/v1/requests/{id}/cancel", cancelled).headers(MatchingApi.asReferrer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        RequestCancelled event = awaitOne(RequestCancelled.class, e -> e.requestId().equals(cancelled));
        assertThat(event.reason()).isNotBlank();

        String admitted = submit();
        HoldRequested hold = awaitHoldRequested(admitted, far);
        producer().send(new BedHeld(hold.offerId(), admitted, far, CARE_TYPE, null, null, 0, 0, Instant.now()));
        api.awaitStatus(admitted, "OFFERED");
        web.post().uri("/api/v1/offers/{id}/accept", hold.offerId()).headers(api.asProviderOf(hold.locationId())).exchange().expectStatus().isOk();
        producer().send(new nl.adempauze.contracts.events.PatientAdmitted(hold.offerId(), admitted, far, CARE_TYPE,
                Instant.now()));
        api.awaitStatus(admitted, "ADMITTED");

        web.post().uri("/api/v1/requests/{id}/cancel", admitted).headers(MatchingApi.asReferrer()).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.view(admitted).status()).isEqualTo("ADMITTED");

        producer().send(new nl.adempauze.contracts.events.PatientDischarged(hold.offerId(), admitted, far, CARE_TYPE,
                Instant.now()));
        api.awaitStatus(admitted, "DISCHARGED");
    }

    @Test
    void anExpectedAdmissionYearsAheadIsRefusedNamingTheField() {
        String requestId = submit();
        HoldRequested hold = awaitHoldRequested(requestId, near);
        producer().send(new BedHeld(hold.offerId(), requestId, near, CARE_TYPE, null, null, 0, 0, Instant.now()));
        api.awaitStatus(requestId, "OFFERED");

        web.post().uri("/api/v1/offers/{id}/accept", hold.offerId()).headers(api.asProviderOf(hold.locationId())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"expectedAdmissionAt\":\"2031-01-01T00:00:00Z\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("expectedAdmissionAt");
        assertThat(api.view(requestId).status()).isEqualTo("OFFERED");
    }

    private String submit() {
        var result = web.post().uri("/api/v1/requests").headers(MatchingApi.asReferrer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(REQUEST_BODY)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(RequestView.class)
                .returnResult();
        RequestView view = result.getResponseBody();
        assertThat(view).isNotNull();
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/v1/requests/" + view.id());
        return view.id();
    }

    private HoldRequested awaitHoldRequested(String requestId, String locationId) {
        HoldRequested hold = awaitOne(HoldRequested.class,
                candidate -> candidate.requestId().equals(requestId) && candidate.locationId().equals(locationId));
        assertThat(hold.region()).isEqualTo(REGION);
        assertThat(hold.careType()).isEqualTo(CARE_TYPE);
        return hold;
    }

    private <T> T awaitOne(Class<T> type, Predicate<T> filter) {
        return MatchingApi.awaitFirst(recorder, type, filter);
    }

    private void assertCleanEvents() {
        assertThat(recorder.all()).isNotEmpty().allSatisfy(seen -> {
            assertThat(seen.schemaErrors()).as("schema errors of %s %s", seen.type(), seen.id()).isEmpty();
            String raw = new String(seen.raw(), StandardCharsets.UTF_8);
            assertThat(raw).as("raw %s", seen.type()).doesNotContain("Huisartsenpost").doesNotContain("123456");
        });
    }

    private void awaitAvailable(int beds) {
        await("replica of " + near + ", " + far + " at " + beds + " bed(s)").atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> db.sql("""
                                SELECT count(*) AS n FROM capacity_replica c JOIN location_replica l ON l.id = c.location_id
                                WHERE c.location_id IN (:near, :far) AND c.available_beds = :beds""")
                        .bind("near", near).bind("far", far).bind("beds", beds)
                        .map((row, meta) -> row.get("n", Long.class))
                        .one().block(), count -> count == 2L);
    }

    private static LocationRegistered location(String id, String name, double latitude, double longitude) {
        return new LocationRegistered(id, REGION, "provider-" + id, "Zorggroep Test", name,
                new Address("Teststraat 1", "9401 AA", "Assen"), "Assen", latitude, longitude,
                List.of("DEMENTIA"), List.of(CARE_TYPE),
                List.of(new FunderContract("zilveren-kruis", List.of(CARE_TYPE))), true, null, Instant.now());
    }

    private static CapacityPublished capacity(String locationId, int availableBeds, long version) {
        return new CapacityPublished(locationId, REGION, CARE_TYPE, availableBeds, 0, availableBeds, version,
                Instant.now());
    }
}
