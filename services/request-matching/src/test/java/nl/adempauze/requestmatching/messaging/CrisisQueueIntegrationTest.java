package nl.adempauze.requestmatching.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.platform.testing.AdjustableClock;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.api.RequestView;
import nl.adempauze.requestmatching.application.CrisisQueue;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The crisis queue on a real broker and database: this test plays bed-availability (publishing beds, answering
 * holds) while referrers and coordinators use the API. Its care type (GRZ) is one no other test asks crisis beds
 * of, and every request it leaves open is cancelled afterwards, so the queue holds only this test's requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = {"spring.config.name=request-matching", "adempauze.matching.calendar-check-interval=PT1H"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@Import(AdjustableClock.Configuration.class)
@AutoConfigureWebTestClient
class CrisisQueueIntegrationTest {

    private static final String CARE_TYPE = "GRZ";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    AdjustableClock clock;

    @Autowired
    CrisisQueue crisisQueue;

    private MatchingApi api;
    private TopicRecorder recorder;
    private String location;
    private final List<String> submitted = new ArrayList<>();

    @BeforeEach
    void aRegionWithoutAFreeBed() {
        api = new MatchingApi(web, db);
        location = api.regionWithOneLocation("loc-queue-", CARE_TYPE, 0);
        recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), EventCatalogue.REQUESTS.name()));
    }

    @AfterEach
    void leaveNothingQueued() {
        clock.reset();
        for (String requestId : submitted) {
            String status = api.view(requestId).status();
            if (!List.of("CANCELLED", "MATCHED").contains(status)) {
                web.post().uri("/api/v1/requests/{id}/cancel", requestId).headers(MatchingApi.asReferrer())
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"test done\"}")
                        .exchange().expectStatus().isOk();
            }
        }
        api.publish(location, CARE_TYPE, 0, 99);
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void aCrisisRequestEscalatedForNoBedIsOfferedByItselfWhenABedIsPublished() {
        String requestId = queued(Duration.ofHours(6));
        RequestView queued = api.view(requestId);
        assertThat(queued.queue()).isNotNull();
        assertThat(queued.queue().queued()).isTrue();
        assertThat(queued.queue().paused()).isFalse();
        assertThat(queued.queue().placedAfterQueueMinutes()).isNull();

        api.publish(location, CARE_TYPE, 1, 2);
        HoldRequested hold = MatchingApi.awaitFirst(recorder, HoldRequested.class,
                h -> h.requestId().equals(requestId));
        assertThat(hold.locationId()).isEqualTo(location);
        TestEventProducer.shared().send(new BedHeld(hold.offerId(), requestId, location, CARE_TYPE, null, null, 0, 0,
                Instant.now()));
        api.awaitStatus(requestId, "OFFERED");

        web.post().uri("/api/v1/offers/{id}/accept", hold.offerId()).headers(api.asProviderOf(location))
                .exchange().expectStatus().isOk();
        RequestView placed = api.view(requestId);
        assertThat(placed.status()).isEqualTo("MATCHED");
        assertThat(placed.queue().queued()).isFalse();
        assertThat(placed.queue().placedAfterQueueMinutes()).isNotNull().isGreaterThanOrEqualTo(0L);
        // the coordinator's board shows the same facts
        web.get().uri("/api/v1/regions/drenthe/requests?status=MATCHED").headers(MatchingApi.asCoordinator())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + requestId + "')].queue.placedAfterQueueMinutes").isNotEmpty();
    }

    @Test
    void aReopenedLocationReachesTheQueue() {
        TestEventProducer.shared().send(new LocationStatusChanged(location, "drenthe", false, "RENOVATION",
                Instant.now()));
        await().atMost(MatchingApi.TIMEOUT).until(() -> !isOpen());
        api.publish(location, CARE_TYPE, 1, 2);
        String requestId = queued(Duration.ofHours(6));

        TestEventProducer.shared().send(new LocationStatusChanged(location, "drenthe", true, null, Instant.now()));
        HoldRequested hold = MatchingApi.awaitFirst(recorder, HoldRequested.class,
                h -> h.requestId().equals(requestId));
        assertThat(hold.locationId()).isEqualTo(location);
    }

    private boolean isOpen() {
        return Boolean.TRUE.equals(db.sql("SELECT open FROM location_replica WHERE id = :id").bind("id", location)
                .map((row, meta) -> row.get(0, Boolean.class)).one().block(MatchingApi.TIMEOUT));
    }

    @Test
    void theMostUrgentQueuedRequestGetsTheOneBedFirst() {
        String later = queued(Duration.ofHours(10));
        String sooner = queued(Duration.ofHours(5));

        api.publish(location, CARE_TYPE, 1, 2);
        MatchingApi.awaitFirst(recorder, HoldRequested.class, h -> h.requestId().equals(sooner));
        assertThat(recorder.payloads(HoldRequested.class, h -> h.requestId().equals(later))).isEmpty();
        assertThat(api.view(later).status()).isEqualTo("ESCALATED");
    }

    @Test
    void aPausedRequestIsSkippedUntilResumedAndOnlyItsRegionsCoordinatorMayPauseIt() {
        String paused = queued(Duration.ofHours(3));
        String decision = "{\"reason\":\"Family takes over tonight\"}";

        // bad input changes nothing: no reason, another region's coordinator, a request not in the queue
        web.post().uri("/api/v1/requests/{id}/queue/pause", paused).headers(MatchingApi.asCoordinator())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("reason"));
        web.post().uri("/api/v1/requests/{id}/queue/pause", paused)
                .headers(TestTokens.as(TestTokens.coordinator("groningen")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(decision)
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/requests/{id}/queue/resume", paused).headers(MatchingApi.asCoordinator())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(decision)
                .exchange().expectStatus().isEqualTo(409);
        assertThat(api.view(paused).queue().paused()).isFalse();

        web.post().uri("/api/v1/requests/{id}/queue/pause", paused).headers(MatchingApi.asCoordinator())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(decision)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.queue.paused").isEqualTo(true)
                .jsonPath("$.queue.pausedReason").isEqualTo("Family takes over tonight")
                .jsonPath("$.decisions[-1].kind").isEqualTo("QUEUE_PAUSED");
        web.post().uri("/api/v1/requests/{id}/queue/pause", paused).headers(MatchingApi.asCoordinator())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(decision)
                .exchange().expectStatus().isEqualTo(409);

        // more urgent than the next one, but paused: the bed goes to the next
        String next = queued(Duration.ofHours(8));
        api.publish(location, CARE_TYPE, 1, 2);
        MatchingApi.awaitFirst(recorder, HoldRequested.class, h -> h.requestId().equals(next));
        assertThat(recorder.payloads(HoldRequested.class, h -> h.requestId().equals(paused))).isEmpty();

        web.post().uri("/api/v1/requests/{id}/queue/resume", paused).headers(MatchingApi.asCoordinator())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"Care at home did not work out\"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.queue.paused").isEqualTo(false);
        api.publish(location, CARE_TYPE, 2, 3);
        MatchingApi.awaitFirst(recorder, HoldRequested.class, h -> h.requestId().equals(paused));
    }

    @Test
    void aQueuedRequestLeavesTheQueueWhenItsDeadlinePassesAndTheCoordinatorIsToldAgain() {
        String requestId = queued(Duration.ofMinutes(30));

        clock.advance(Duration.ofHours(1));
        crisisQueue.leaveWhenDeadlinePassed().block(MatchingApi.TIMEOUT);

        RequestEscalated again = MatchingApi.awaitFirst(recorder, RequestEscalated.class,
                e -> e.requestId().equals(requestId) && e.reason().equals("QUEUE_DEADLINE_PASSED"));
        assertThat(again.detail()).contains("crisis queue");
        RequestView left = api.view(requestId);
        assertThat(left.status()).isEqualTo("ESCALATED");
        assertThat(left.queue().queued()).isFalse();

        // out of the queue: a new bed no longer reaches it
        String other = queued(Duration.ofHours(4));
        api.publish(location, CARE_TYPE, 1, 2);
        MatchingApi.awaitFirst(recorder, HoldRequested.class, h -> h.requestId().equals(other));
        assertThat(recorder.payloads(HoldRequested.class, h -> h.requestId().equals(requestId))).isEmpty();
    }

    /** Submits a crisis request needed within {@code within}, and waits until it escalated for lack of a bed. */
    private String queued(Duration within) {
        String requestId = api.submit("""
                {"region":"drenthe","careType":"%s","urgency":"CRISIS","residence":{"postcode":"9401"},
                 "needs":["DEMENTIA"],"funder":"zilveren-kruis","neededBy":"%s",
                 "contact":{"name":"Huisartsenpost Assen","phone":"0592 123456"}}"""
                .formatted(CARE_TYPE, clock.instant().plus(within)));
        submitted.add(requestId);
        api.awaitStatus(requestId, "ESCALATED");
        MatchingApi.awaitFirst(recorder, RequestEscalated.class,
                e -> e.requestId().equals(requestId) && e.reason().equals("NO_CANDIDATE"));
        await().atMost(MatchingApi.TIMEOUT).until(() -> api.view(requestId).queue() != null);
        return requestId;
    }
}
