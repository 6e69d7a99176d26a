package nl.adempauze.requestmatching.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.contracts.events.RegionConfigured.NeighbourDefinition;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.SeedEvents;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.api.RequestView;
import nl.adempauze.requestmatching.domain.RankingReasonCode;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Help across the border on a real broker and database, in regions of this test's own (so no other test's beds
 * interfere): a region whose only location is full, a neighbour it lets offer when full with one free bed, and a
 * region naming that same neighbour without {@code offerWhenFull}. This test plays bed-availability.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = {"spring.config.name=request-matching"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class BorderIntegrationTest {

    private static final String CARE_TYPE = "ELV_HOOG";
    // regions of each test's own
    private final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private final String OWN = "grensland-" + SUFFIX;
    private final String NEIGHBOUR = "overkant-" + SUFFIX;
    private final String CLOSED = "dichtland-" + SUFFIX;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    private MatchingApi api;
    private TopicRecorder recorder;
    private String neighbourLocation;
    private final List<String> submitted = new ArrayList<>();

    @BeforeEach
    void threeRegions() {
        api = new MatchingApi(web, db);
        recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), EventCatalogue.REQUESTS.name()));
        configure(OWN, "Grensdorp " + SUFFIX, List.of(new NeighbourDefinition(NEIGHBOUR, true)));
        configure(NEIGHBOUR, "Overdorp " + SUFFIX, List.of(new NeighbourDefinition(OWN, true)));
        configure(CLOSED, "Dichtdorp " + SUFFIX, List.of(new NeighbourDefinition(NEIGHBOUR, false)));
        location(OWN, "loc-full-" + SUFFIX, 52.79, 6.90, 0);
        location(CLOSED, "loc-closed-full-" + SUFFIX, 52.79, 6.90, 0);
        neighbourLocation = "loc-over-" + SUFFIX;
        location(NEIGHBOUR, neighbourLocation, 52.99, 6.95, 1);
    }

    @AfterEach
    void cancelWhatIsOpen() {
        for (String requestId : submitted) {
            if (!List.of("CANCELLED", "MATCHED").contains(api.view(requestId).status())) {
                web.post().uri("/api/v1/requests/{id}/cancel", requestId).headers(MatchingApi.asReferrer())
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"test done\"}")
                        .exchange().expectStatus().isOk();
            }
        }
        recorder.close();
    }

    @Test
    void withItsOwnRegionFullTheNeighboursLocationIsOfferedLabelledAndSeenByTheNeighboursCoordinators() {
        String requestId = submit(OWN, "Grensdorp " + SUFFIX);

        HoldRequested hold = MatchingApi.awaitFirst(recorder, HoldRequested.class,
                h -> h.requestId().equals(requestId));
        assertThat(hold.locationId()).isEqualTo(neighbourLocation);
        assertThat(hold.region()).as("the request stays in its own region").isEqualTo(OWN);
        TestEventProducer.shared().send(new BedHeld(hold.offerId(), requestId, neighbourLocation, CARE_TYPE, null,
                null, 0, 0, Instant.now()));
        api.awaitStatus(requestId, "OFFERED");

        OfferMade made = MatchingApi.awaitFirst(recorder, OfferMade.class, o -> o.requestId().equals(requestId));
        assertThat(made.region()).isEqualTo(OWN);
        assertThat(made.locationRegion()).isEqualTo(NEIGHBOUR);

        RequestView view = api.view(requestId);
        assertThat(view.region()).isEqualTo(OWN);
        assertThat(view.patient()).as("the referrer sees who the patient is").isNotNull();
        assertThat(view.currentOffer().outsideRegion()).isTrue();
        assertThat(view.currentOffer().locationRegion()).isEqualTo(NEIGHBOUR);
        assertThat(view.ranking()).singleElement().satisfies(candidate -> {
            assertThat(candidate.outsideRegion()).isTrue();
            assertThat(candidate.region()).isEqualTo(NEIGHBOUR);
            assertThat(candidate.reasons()).anySatisfy(reason -> {
                assertThat(reason.code()).isEqualTo(RankingReasonCode.OUTSIDE_REGION);
                assertThat(reason.values()).containsEntry("region", NEIGHBOUR);
            });
        });

        // the neighbour's provider sees the offer labelled in its inbox
        web.get().uri("/api/v1/locations/{id}/offers", neighbourLocation).headers(api.asProviderOf(neighbourLocation))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].requestId").isEqualTo(requestId)
                .jsonPath("$[0].outsideRegion").isEqualTo(true)
                .jsonPath("$[0].locationRegion").isEqualTo(NEIGHBOUR)
                .jsonPath("$[0].requestRegion").isEqualTo(OWN);

        // the neighbour's coordinators see it on their board and may read it, without who the patient is
        String neighbourCoordinator = TestTokens.coordinator(NEIGHBOUR);
        web.get().uri("/api/v1/regions/{region}/requests", NEIGHBOUR).headers(TestTokens.as(neighbourCoordinator))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + requestId + "')].currentOffer.outsideRegion").isEqualTo(List.of(true));
        web.get().uri("/api/v1/requests/{id}", requestId).headers(TestTokens.as(neighbourCoordinator))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.region").isEqualTo(OWN)
                .jsonPath("$.patient").doesNotExist()
                .jsonPath("$.contact").doesNotExist();
        web.get().uri("/api/v1/offers/{id}", hold.offerId()).headers(TestTokens.as(neighbourCoordinator))
                .exchange().expectStatus().isOk();
        // ...but may not decide on it, and a coordinator of a third region sees nothing
        web.post().uri("/api/v1/requests/{id}/priority", requestId).headers(TestTokens.as(neighbourCoordinator))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"not ours\"}")
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/requests/{id}", requestId).headers(TestTokens.as(TestTokens.coordinator(CLOSED)))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/regions/{region}/requests", CLOSED)
                .headers(TestTokens.as(TestTokens.coordinator(CLOSED)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + requestId + "')]").isEmpty();

        // the neighbour's provider answers as usual
        web.post().uri("/api/v1/offers/{id}/accept", hold.offerId()).headers(api.asProviderOf(neighbourLocation))
                .exchange().expectStatus().isOk();
        assertThat(api.view(requestId).status()).isEqualTo("MATCHED");
        OfferAccepted accepted = MatchingApi.awaitFirst(recorder, OfferAccepted.class,
                o -> o.requestId().equals(requestId));
        assertThat(accepted.locationRegion()).isEqualTo(NEIGHBOUR);
        web.get().uri("/api/v1/requests/{id}", requestId).headers(TestTokens.as(neighbourCoordinator))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.match.locationId")
                .isEqualTo(neighbourLocation);
    }

    @Test
    void aNeighbourThatMayNotBeOfferedWhenFullLeavesTheRequestToEscalateAsToday() {
        String requestId = submit(CLOSED, "Dichtdorp " + SUFFIX);

        RequestEscalated escalated = MatchingApi.awaitFirst(recorder, RequestEscalated.class,
                e -> e.requestId().equals(requestId));
        assertThat(escalated.reason()).isEqualTo("NO_CANDIDATE");
        assertThat(recorder.payloads(HoldRequested.class, h -> h.requestId().equals(requestId))).isEmpty();
        assertThat(api.view(requestId).ranking()).isEmpty();
    }

    @Test
    void aCrisisRequestQueuedForLackOfABedIsOfferedTheNeighboursBedTheMomentItIsPublished() {
        publish(neighbourLocation, NEIGHBOUR, 0, 2);
        String requestId = submit(OWN, "Grensdorp " + SUFFIX);
        MatchingApi.awaitFirst(recorder, RequestEscalated.class, e -> e.requestId().equals(requestId));
        assertThat(api.view(requestId).queue().queued()).isTrue();

        publish(neighbourLocation, NEIGHBOUR, 1, 3);

        HoldRequested hold = MatchingApi.awaitFirst(recorder, HoldRequested.class,
                h -> h.requestId().equals(requestId));
        assertThat(hold.locationId()).isEqualTo(neighbourLocation);
    }

    private String submit(String region, String municipality) {
        String requestId = api.submit("""
                {"region":"%s","careType":"%s","urgency":"CRISIS","residence":{"municipality":"%s"},
                 "needs":["DEMENTIA"],"funder":"zilveren-kruis",
                 "patient":{"name":"Jan Grens","dateOfBirth":"1940-02-03"},
                 "contact":{"name":"Huisartsenpost","phone":"0591 123456"}}""".formatted(region, CARE_TYPE,
                municipality));
        submitted.add(requestId);
        return requestId;
    }

    private void configure(String region, String municipality, List<NeighbourDefinition> neighbours) {
        RegionConfigured drenthe = SeedEvents.regionConfigured("classpath:seeds/drenthe.json");
        TestEventProducer.shared().send(new RegionConfigured(region, region, drenthe.freshnessWindowMinutes(),
                drenthe.careTypes(), List.of(new RegionConfigured.MunicipalityDefinition(municipality, 52.7858,
                        6.8975, List.of())), drenthe.funders(), neighbours, null, Instant.now()));
        await().atMost(MatchingApi.TIMEOUT).until(() -> db.sql("SELECT count(*) FROM municipality WHERE region_id = :r")
                .bind("r", region).map((row, meta) -> row.get(0, Long.class)).one().block() == 1L);
    }

    private void location(String region, String id, double latitude, double longitude, int freeBeds) {
        TestEventProducer.shared().send(new LocationRegistered(id, region, "provider-" + id, "Zorggroep " + id,
                "Huize " + id, new Address("Grensweg 1", "9500 AA", "Ergens"), "Ergens", latitude, longitude,
                List.of("DEMENTIA"), List.of(CARE_TYPE), List.of(new FunderContract("zilveren-kruis",
                        List.of(CARE_TYPE))), true, null, Instant.now()));
        publish(id, region, freeBeds, 1);
    }

    private void publish(String id, String region, int freeBeds, long version) {
        TestEventProducer.shared().send(new CapacityPublished(id, region, CARE_TYPE, freeBeds, 0, freeBeds, version,
                Instant.now()));
        await().atMost(MatchingApi.TIMEOUT).until(() -> db.sql(
                        "SELECT count(*) FROM capacity_replica WHERE location_id = :id AND available_beds = :beds")
                .bind("id", id).bind("beds", freeBeds).map((row, meta) -> row.get(0, Long.class)).one()
                .block() == 1L);
    }
}
