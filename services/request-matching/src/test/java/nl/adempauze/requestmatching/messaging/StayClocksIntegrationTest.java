package nl.adempauze.requestmatching.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.NightCapacityPublished;
import nl.adempauze.contracts.events.NightFigure;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.StayReminderIssued;
import nl.adempauze.platform.testing.AdjustableClock;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.SeedEvents;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.application.StayClocks;
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
 * The calendar's clocks, with the clock moved forward: a booked stay is reminded of once, two days before it
 * begins; a crisis stay in a respite bed that has not ended a day before its nights run out is raised to the
 * coordinator; a waiting stay whose dates have all begun leaves the waiting list for the coordinator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = {"spring.config.name=request-matching", "adempauze.matching.calendar-check-interval=PT1H"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@Import(AdjustableClock.Configuration.class)
@AutoConfigureWebTestClient
class StayClocksIntegrationTest {

    private static final String REGION = "drenthe";
    private static final String RESPITE = "WMO_LOGEER";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    private MatchingApi api;

    @Autowired
    AdjustableClock clock;

    @Autowired
    StayClocks clocks;

    private String logeerhuis;
    private TopicRecorder recorder;
    private LocalDate tonight;

    @BeforeEach
    void feedReplica() {
        api = new MatchingApi(web, db);
        TestEventProducer.shared().send(SeedEvents.regionConfigured("classpath:seeds/drenthe.json"));
        await().atMost(TIMEOUT).until(() -> db.sql("SELECT count(*) FROM funder WHERE id = 'gemeente-assen'")
                .map((row, meta) -> row.get(0, Long.class)).one().block() == 1L);
        logeerhuis = "loc-clock-" + UUID.randomUUID().toString().substring(0, 8);
        TestEventProducer.shared().send(new LocationRegistered(logeerhuis, REGION, "provider-" + logeerhuis,
                "Stichting Logeren", "Logeerhuis Klok", new Address("Teststraat 2", "9401 AA", "Assen"), "Assen",
                52.9930, 6.5600, List.of(), List.of(RESPITE),
                List.of(new FunderContract("gemeente-assen", List.of(RESPITE))), true, null, Instant.now()));
        tonight = Nights.nightOf(Instant.now());
        recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), EventCatalogue.REQUESTS.name()));
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void aBookedStayIsRemindedOfOnceTwoDaysBeforeItBegins() {
        LocalDate first = tonight.plusDays(5);
        publishNights(first, 2, 0);
        String requestId = api.submit(planned(first, 2));
        HoldRequested hold = awaitOne(HoldRequested.class, h -> h.requestId().equals(requestId));
        TestEventProducer.shared().send(new BedHeld(hold.offerId(), requestId, logeerhuis, RESPITE, first, 2, 0, 0,
                Instant.now()));
        api.awaitStatus(requestId, "OFFERED");
        web.post().uri("/api/v1/offers/{id}/accept", hold.offerId()).headers(api.asProviderOf(hold.locationId())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();
        api.awaitStatus(requestId, "BOOKED");

        clocks.check();
        assertThat(recorder.payloads(StayReminderIssued.class, r -> r.requestId().equals(requestId))).isEmpty();

        clock.advance(Duration.ofDays(3).plusHours(1));
        clocks.check();
        clocks.check();

        StayReminderIssued reminder = awaitOne(StayReminderIssued.class, r -> r.requestId().equals(requestId));
        assertThat(reminder.firstNight()).isEqualTo(first);
        assertThat(reminder.locationId()).isEqualTo(logeerhuis);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> recorder.payloads(
                StayReminderIssued.class, r -> r.requestId().equals(requestId)).size() == 1);
    }

    @Test
    void aCrisisStayThatOutstaysItsNightsIsRaisedToTheCoordinatorInTime() {
        publishNights(tonight, 3, 0);
        String requestId = api.submit("""
                {"region":"drenthe","careType":"WMO_LOGEER","urgency":"CRISIS","residence":{"postcode":"9401"},
                 "stay":{"nights":3},"contact":{"name":"Wijkverpleging Assen","phone":"0592 654321"}}""");
        HoldRequested hold = awaitOne(HoldRequested.class, h -> h.requestId().equals(requestId));
        TestEventProducer.shared().send(new BedHeld(hold.offerId(), requestId, logeerhuis, RESPITE, tonight, 3, 0, 0,
                Instant.now()));
        api.awaitStatus(requestId, "OFFERED");
        web.post().uri("/api/v1/offers/{id}/accept", hold.offerId()).headers(api.asProviderOf(hold.locationId())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();
        TestEventProducer.shared().send(new PatientAdmitted(hold.offerId(), requestId, logeerhuis, RESPITE,
                Instant.now()));
        api.awaitStatus(requestId, "ADMITTED");

        clocks.check();
        assertThat(recorder.payloads(RequestEscalated.class, e -> e.requestId().equals(requestId))).isEmpty();

        // a day before the third and last night begins, the patient is still there
        clock.advance(Duration.between(Instant.now(), Nights.startOf(tonight.plusDays(2)).minus(Duration.ofHours(20))));
        clocks.check();

        RequestEscalated overrun = awaitOne(RequestEscalated.class, e -> e.requestId().equals(requestId));
        assertThat(overrun.reason()).isEqualTo("STAY_OVERRUN");
        assertThat(overrun.detail()).contains(logeerhuis, tonight.plusDays(2).toString());
        assertThat(api.view(requestId).status()).isEqualTo("ADMITTED");
    }

    @Test
    void aWaitingStayWhoseDatesHaveAllBegunLeavesTheWaitingList() {
        LocalDate first = tonight.plusDays(3);
        String requestId = api.submit(planned(first, 2));
        api.awaitStatus(requestId, "WAITING");

        clock.advance(Duration.ofDays(4));
        clocks.check();

        api.awaitStatus(requestId, "ESCALATED");
        RequestEscalated passed = awaitOne(RequestEscalated.class, e -> e.requestId().equals(requestId)
                && e.reason().equals("STAY_WINDOW_PASSED"));
        assertThat(passed.detail()).contains(first.toString());
        assertThat(api.view(requestId).waiting()).isNull();
    }

    private static String planned(LocalDate first, int nights) {
        return """
                {"region":"drenthe","careType":"WMO_LOGEER","urgency":"PLANNED","residence":{"postcode":"9401"},
                 "stay":{"firstNight":"%s","nights":%d},"contact":{"name":"Respijtconsulent","phone":"0592 111222"}}"""
                .formatted(first, nights);
    }

    private void publishNights(LocalDate first, int nights, int protectedBeds) {
        List<NightFigure> figures = first.datesUntil(first.plusDays(nights))
                .map(night -> new NightFigure(night, 1, 0, 1, protectedBeds, Instant.now())).toList();
        TestEventProducer.shared().send(new NightCapacityPublished(logeerhuis, REGION, RESPITE, figures,
                Instant.now()));
        await().atMost(TIMEOUT).until(() -> db.sql("""
                        SELECT count(*) FROM night_capacity_replica WHERE location_id = :location""")
                .bind("location", logeerhuis).map((row, meta) -> row.get(0, Long.class)).one().block() == nights);
    }

    private <T> T awaitOne(Class<T> type, Predicate<T> filter) {
        return MatchingApi.awaitFirst(recorder, type, filter);
    }
}
