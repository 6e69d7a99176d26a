package nl.adempauze.requestmatching.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.SeedEvents;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Matching by hand on a real broker and database: a coordinator of the request's region offers the bed of the
 * second-ranked location instead of the first; the first offer is withdrawn, the chosen one goes through the normal
 * cycle, and the decision is on the request and the audit trail. Every refusal changes nothing. This test plays
 * bed-availability (two locations of its own, answering hold requests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = "spring.config.name=request-matching")
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class ManualOfferIntegrationTest {

    private static final String REGION = "drenthe";
    /** A care type no other test offers, so only this test's locations are candidates. */
    private static final String CARE_TYPE = "ELV_LAAG";
    private static final Duration TIMEOUT = MatchingApi.TIMEOUT;
    private static final String REQUEST_BODY = """
            {"region":"drenthe","careType":"ELV_LAAG","urgency":"CRISIS","residence":{"postcode":"9401"},
             "needs":["DEMENTIA"],"funder":"zilveren-kruis",
             "contact":{"name":"Huisartsenpost Assen","phone":"0592 123456"}}""";
    private static final String REASON = "Family lives next to the second location; first provider asked us to";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    private MatchingApi api;
    private String first;
    private String second;
    private TopicRecorder recorder;

    @BeforeEach
    void feedReplica() {
        api = new MatchingApi(web, db);
        TestEventProducer.shared().send(SeedEvents.regionConfigured("classpath:seeds/drenthe.json"));
        await().atMost(TIMEOUT).until(() -> db.sql("SELECT count(*) FROM postcode_area WHERE pc4 = '9401'")
                .map((row, meta) -> row.get(0, Long.class)).one().block() == 1L);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        first = "loc-first-" + suffix;
        second = "loc-second-" + suffix;
        // Assen itself, and about 15 km east of it: the first ranks first, the second second
        TestEventProducer.shared().send(location(first, 52.9930, 6.5600));
        TestEventProducer.shared().send(location(second, 52.9930, 6.7820));
        publish(first, 1, 1);
        publish(second, 1, 1);
        recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), EventCatalogue.REQUESTS.name()));
    }

    @AfterEach
    void emptyReplica() {
        if (recorder != null) {
            recorder.close();
        }
        publish(first, 0, 100);
        publish(second, 0, 100);
    }

    @Test
    void aCoordinatorOffersTheSecondRankedLocationAndTheFirstOfferIsWithdrawn() {
        String requestId = api.submit(REQUEST_BODY);
        HoldRequested firstHold = awaitOne(HoldRequested.class,
                hold -> hold.requestId().equals(requestId) && hold.locationId().equals(first));
        TestEventProducer.shared().send(new BedHeld(firstHold.offerId(), requestId, first, CARE_TYPE, null, null, 0, 0,
                Instant.now()));
        api.awaitStatus(requestId, "OFFERED");
        assertThat(api.view(requestId).ranking()).extracting(candidate -> candidate.locationId())
                .containsExactly(first, second);
        // beside the English explanation, each candidate's reasons as codes with their values
        web.get().uri("/api/v1/requests/{id}", requestId).headers(MatchingApi.asCoordinator()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.ranking[0].explanation").value(explanation -> assertThat((String) explanation)
                        .contains("km from the patient's home"))
                .jsonPath("$.ranking[0].reasons[0].code").isEqualTo("DISTANCE_KM")
                .jsonPath("$.ranking[0].reasons[0].values.km").isNumber()
                .jsonPath("$.ranking[0].reasons[*].code").value(codes -> assertThat(String.valueOf(codes))
                        .contains("CAPACITY_FRESH", "BEDS_FREE"));

        web.post().uri("/api/v1/requests/{id}/manual-offer", requestId).headers(MatchingApi.asCoordinator())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"locationId\":\"" + second + "\",\"reason\":\"" + REASON + "\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("SUBMITTED")
                .jsonPath("$.currentOffer.locationId").isEqualTo(second)
                .jsonPath("$.currentOffer.status").isEqualTo("HOLD_REQUESTED")
                .jsonPath("$.offers[0].status").isEqualTo("WITHDRAWN")
                .jsonPath("$.decisions[0].kind").isEqualTo("MANUAL_OFFER")
                .jsonPath("$.decisions[0].reason").isEqualTo(REASON)
                .jsonPath("$.decisions[0].locationId").isEqualTo(second)
                .jsonPath("$.decisions[0].decidedBy").isEqualTo("coordinator@drenthe");

        OfferWithdrawn withdrawn = awaitOne(OfferWithdrawn.class,
                offer -> offer.offerId().equals(firstHold.offerId()));
        assertThat(withdrawn.reason()).isEqualTo("COORDINATOR_CHOSE_ANOTHER_LOCATION");
        HoldRequested secondHold = awaitOne(HoldRequested.class,
                hold -> hold.requestId().equals(requestId) && hold.locationId().equals(second));
        TestEventProducer.shared().send(new BedHeld(secondHold.offerId(), requestId, second, CARE_TYPE, null, null,
                0, 0, Instant.now()));
        api.awaitStatus(requestId, "OFFERED");
        OfferMade made = awaitOne(OfferMade.class, offer -> offer.offerId().equals(secondHold.offerId()));
        assertThat(made.locationId()).isEqualTo(second);
        assertThat(made.respondBy()).isAfter(Instant.now());

        // the provider finds it in its inbox like any other offer; the first provider no longer has one
        web.get().uri("/api/v1/locations/{id}/offers", second).headers(api.asProviderOf(second)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + secondHold.offerId() + "')].status").isEqualTo("OPEN");
        web.get().uri("/api/v1/locations/{id}/offers", first).headers(api.asProviderOf(first)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.requestId == '" + requestId + "')]").isEmpty();
        web.post().uri("/api/v1/offers/{id}/accept", firstHold.offerId()).headers(api.asProviderOf(first)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);

        assertThat(api.audit(requestId, "MANUAL_OFFER")).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("coordinator@drenthe");
            assertThat(entry.role()).isEqualTo("COORDINATOR");
            assertThat(entry.organisation()).isEqualTo("coordinatiepunt");
            assertThat(entry.reason()).isEqualTo(REASON);
        });

        web.post().uri("/api/v1/offers/{id}/accept", secondHold.offerId()).headers(api.asProviderOf(second))
                .exchange().expectStatus().isOk();
        assertThat(api.view(requestId).match().locationId()).isEqualTo(second);
    }

    @Test
    void refusalsChangeNothing() {
        String requestId = api.submit(REQUEST_BODY);
        HoldRequested hold = awaitOne(HoldRequested.class,
                candidate -> candidate.requestId().equals(requestId) && candidate.locationId().equals(first));
        TestEventProducer.shared().send(new BedHeld(hold.offerId(), requestId, first, CARE_TYPE, null, null, 0, 0,
                Instant.now()));
        api.awaitStatus(requestId, "OFFERED");
        String valid = "{\"locationId\":\"" + second + "\",\"reason\":\"" + REASON + "\"}";
        String before = state(requestId);

        // the role first: only coordinators decide; another region's coordinator does not see the request
        refused(requestId, MatchingApi.asReferrer(), valid, HttpStatus.FORBIDDEN, null);
        refused(requestId, api.asProviderOf(second), valid, HttpStatus.FORBIDDEN, null);
        refused(requestId, TestTokens.as(TestTokens.admin()), valid, HttpStatus.FORBIDDEN, null);
        refused(requestId, TestTokens.as(TestTokens.coordinator("groningen")), valid, HttpStatus.NOT_FOUND, null);
        refused("no-such-request", MatchingApi.asCoordinator(), valid, HttpStatus.NOT_FOUND, null);
        // the body
        refused(requestId, MatchingApi.asCoordinator(), "{\"locationId\":\"" + second + "\"}",
                HttpStatus.BAD_REQUEST, "reason");
        refused(requestId, MatchingApi.asCoordinator(), "{\"locationId\":\"" + second + "\",\"reason\":\"  \"}",
                HttpStatus.BAD_REQUEST, "reason");
        refused(requestId, MatchingApi.asCoordinator(), "{\"locationId\":\"" + second + "\",\"reason\":\""
                + "x".repeat(501) + "\"}", HttpStatus.BAD_REQUEST, "reason");
        refused(requestId, MatchingApi.asCoordinator(), "{\"reason\":\"" + REASON + "\"}", HttpStatus.BAD_REQUEST,
                "locationId");
        // not a candidate now: unknown, or without a free bed
        refused(requestId, MatchingApi.asCoordinator(), "{\"locationId\":\"loc-nowhere\",\"reason\":\"" + REASON
                + "\"}", HttpStatus.BAD_REQUEST, "locationId");
        publish(second, 0, 2);
        refused(requestId, MatchingApi.asCoordinator(), valid, HttpStatus.BAD_REQUEST, "locationId");
        // the location that already has the offer
        refused(requestId, MatchingApi.asCoordinator(), "{\"locationId\":\"" + first + "\",\"reason\":\"" + REASON
                + "\"}", HttpStatus.CONFLICT, null);
        assertThat(state(requestId)).isEqualTo(before);
        assertThat(api.audit(requestId, "MANUAL_OFFER")).isEmpty();

        // a request that no longer looks for a bed
        web.post().uri("/api/v1/offers/{id}/accept", hold.offerId()).headers(api.asProviderOf(first)).exchange()
                .expectStatus().isOk();
        publish(second, 1, 3);
        String matched = state(requestId);
        refused(requestId, MatchingApi.asCoordinator(), valid, HttpStatus.CONFLICT, null);
        assertThat(state(requestId)).isEqualTo(matched);
        assertThat(recorder.payloads(HoldRequested.class, h -> h.requestId().equals(requestId))).hasSize(1);
    }

    private void refused(String requestId, Consumer<HttpHeaders> as, String body, HttpStatus status, String field) {
        WebTestClient.BodyContentSpec problem = web.post().uri("/api/v1/requests/{id}/manual-offer", requestId)
                .headers(as).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        if (field != null) {
            problem.jsonPath("$.errors[0].field").isEqualTo(field);
        }
    }

    /** What a refusal must leave as it was: the request, its offers and decisions. */
    private String state(String requestId) {
        return db.sql("""
                        SELECT r.status || '|' || coalesce(r.ranking, '') || '|'
                            || (SELECT string_agg(o.id || ':' || o.location_id || ':' || o.status, ',' ORDER BY o.created_at)
                                FROM offer o WHERE o.request_id = r.id) || '|'
                            || (SELECT count(*) FROM coordinator_decision d WHERE d.request_id = r.id)
                        FROM request r WHERE r.id = :id""")
                .bind("id", requestId).map((row, meta) -> row.get(0, String.class)).one().block(TIMEOUT);
    }

    private <T> T awaitOne(Class<T> type, Predicate<T> filter) {
        return MatchingApi.awaitFirst(recorder, type, filter);
    }

    private void publish(String location, int freeBeds, long version) {
        TestEventProducer.shared().send(new CapacityPublished(location, REGION, CARE_TYPE, freeBeds, 0, freeBeds,
                version, Instant.now()));
        await().atMost(TIMEOUT).until(() -> db.sql("""
                        SELECT count(*) FROM capacity_replica c JOIN location_replica l ON l.id = c.location_id
                        WHERE c.location_id = :id AND c.available_beds = :beds""")
                .bind("id", location).bind("beds", freeBeds).map((row, meta) -> row.get(0, Long.class)).one()
                .block() == 1L);
    }

    private static LocationRegistered location(String id, double latitude, double longitude) {
        return new LocationRegistered(id, REGION, "provider-" + id, "Zorggroep Test", "Zorgcentrum " + id,
                new Address("Teststraat 1", "9401 AA", "Assen"), "Assen", latitude, longitude,
                List.of("DEMENTIA"), List.of(CARE_TYPE),
                List.of(new FunderContract("zilveren-kruis", List.of(CARE_TYPE))), true, null, Instant.now());
    }
}
