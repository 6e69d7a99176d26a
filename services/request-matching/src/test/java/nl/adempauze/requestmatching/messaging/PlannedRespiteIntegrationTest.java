package nl.adempauze.requestmatching.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.BedHoldRefused;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.NightCapacityPublished;
import nl.adempauze.contracts.events.NightFigure;
import nl.adempauze.contracts.events.ProtectionOverridden;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.contracts.events.RequestWaitlisted;
import nl.adempauze.contracts.events.StayBooked;
import nl.adempauze.contracts.events.WaitingPriorityRaised;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.SeedEvents;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.api.RequestView;
import nl.adempauze.requestmatching.domain.RequestNote;
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
 * Planned respite beside crisis care on a real broker and database: this test plays bed-availability (it publishes
 * calendar nights and answers hold requests) while a respite consultant, a provider and a coordinator use the API.
 * Each test plans on its own dates, so the tests do not take each other's nights.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = "spring.config.name=request-matching")
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class PlannedRespiteIntegrationTest {

    private static final String REGION = "drenthe";
    private static final String RESPITE = "WMO_LOGEER";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    private MatchingApi api;

    private final List<String> submitted = new ArrayList<>();
    private String logeerhuis;
    private TopicRecorder recorder;
    private LocalDate tonight;

    private static TestEventProducer producer() {
        return TestEventProducer.shared();
    }

    @BeforeEach
    void feedReplica() {
        api = new MatchingApi(web, db);
        producer().send(SeedEvents.regionConfigured("classpath:seeds/drenthe.json"));
        await().atMost(TIMEOUT).until(() -> db.sql("SELECT count(*) FROM funder WHERE id = 'gemeente-assen'")
                .map((row, meta) -> row.get(0, Long.class)).one().block() == 1L);
        logeerhuis = "loc-logeerhuis-" + UUID.randomUUID().toString().substring(0, 8);
        producer().send(new LocationRegistered(logeerhuis, REGION, "provider-" + logeerhuis, "Stichting Logeren",
                "Logeerhuis Test", new Address("Teststraat 1", "9401 AA", "Assen"), "Assen", 52.9930, 6.5600,
                List.of("DEMENTIA", "PARTNER_STAY"), List.of(RESPITE),
                List.of(new FunderContract("gemeente-assen", List.of(RESPITE))), true, null, Instant.now()));
        await().atMost(TIMEOUT).until(() -> db.sql("SELECT count(*) FROM location_replica WHERE id = :id")
                .bind("id", logeerhuis).map((row, meta) -> row.get(0, Long.class)).one().block() == 1L);
        recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), EventCatalogue.REQUESTS.name()));
        tonight = Nights.nightOf(Instant.now());
    }

    /** What a test left open leaves the waiting list, so the next test's capacity is not offered to it. */
    @AfterEach
    void cancelOpenRequests() {
        for (String id : submitted) {
            web.post().uri("/api/v1/requests/{id}/cancel", id).headers(MatchingApi.asReferrer()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"reason\":\"test over\"}").exchange();
        }
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void aPlannedStayIsHeldOnEveryNightAndBookedWhenTheProviderAccepts() {
        LocalDate first = tonight.plusDays(20);
        publishNights(logeerhuis, first, 3, 1, 1);

        String requestId = submitPlanned("{\"firstNight\":\"" + first + "\",\"nights\":3}");

        HoldRequested hold = awaitOne(HoldRequested.class, h -> h.requestId().equals(requestId));
        assertThat(hold.locationId()).isEqualTo(logeerhuis);
        assertThat(hold.urgency()).isEqualTo("PLANNED");
        assertThat(hold.firstNight()).isEqualTo(first);
        assertThat(hold.nights()).isEqualTo(3);
        producer().send(new BedHeld(hold.offerId(), requestId, logeerhuis, RESPITE, first, 3, 0, 0, Instant.now()));
        api.awaitStatus(requestId, "OFFERED");

        web.post().uri("/api/v1/offers/{id}/accept", hold.offerId()).headers(api.asProviderOf(hold.locationId())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();

        api.awaitStatus(requestId, "BOOKED");
        StayBooked booked = awaitOne(StayBooked.class, b -> b.requestId().equals(requestId));
        assertThat(booked.firstNight()).isEqualTo(first);
        assertThat(booked.nights()).isEqualTo(3);
        RequestView view = api.view(requestId);
        assertThat(view.match().locationId()).isEqualTo(logeerhuis);
        assertThat(view.match().firstNight()).isEqualTo(first);
        assertThat(view.match().nights()).isEqualTo(3);
        assertThat(view.match().street()).isEqualTo("Teststraat 1");
        // the Wmo stay is paid by the resident's municipality
        assertThat(view.funder()).isEqualTo("gemeente-assen");
        web.get().uri("/api/v1/regions/{region}/figures", REGION).headers(MatchingApi.asCoordinator()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.careTypes[?(@.careType == 'WMO_LOGEER')].plannedNightsBooked")
                .value(values -> assertThat(values.toString()).doesNotContain("[0]"));
    }

    @Test
    void aStayNobodyCanTakeWaitsAndIsOfferedTheMomentABedFrees() {
        LocalDate first = tonight.plusDays(40);

        String requestId = submitPlanned("{\"firstNight\":\"" + first + "\",\"nights\":2}");

        api.awaitStatus(requestId, "WAITING");
        RequestWaitlisted waitlisted = awaitOne(RequestWaitlisted.class, w -> w.requestId().equals(requestId));
        assertThat(waitlisted.firstNight()).isEqualTo(first);
        assertThat(api.view(requestId).waiting().position()).isEqualTo(1);

        publishNights(logeerhuis, first, 2, 1, 0);

        HoldRequested hold = awaitOne(HoldRequested.class, h -> h.requestId().equals(requestId));
        assertThat(hold.firstNight()).isEqualTo(first);
        assertThat(hold.locationId()).isEqualTo(logeerhuis);
    }

    @Test
    void theWaitingListIsOfferedInOrderAndACoordinatorMayMoveARequestUpWithAReason() {
        LocalDate first = tonight.plusDays(60);
        String earlier = submitPlanned("{\"firstNight\":\"" + first + "\",\"nights\":2}");
        api.awaitStatus(earlier, "WAITING");
        String later = submitPlanned("{\"firstNight\":\"" + first + "\",\"nights\":2}");
        api.awaitStatus(later, "WAITING");
        assertThat(api.view(earlier).waiting().position()).isEqualTo(1);
        assertThat(api.view(later).waiting().position()).isEqualTo(2);

        web.post().uri("/api/v1/requests/{id}/priority", later).headers(MatchingApi.asCoordinator()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reasonCode\":\"CARER_OVERBURDENED\",\"note\":\"Dochter Wiepkje Scholten-Buist belde huilend\"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.waiting.position").isEqualTo(1)
                .jsonPath("$.decisions[0].kind").isEqualTo("PRIORITY_RAISED")
                .jsonPath("$.decisions[0].reason").isEqualTo("CARER_OVERBURDENED")
                .jsonPath("$.notes").isEmpty();
        // the words only in the audited view of the request
        assertThat(api.view(later).notes()).singleElement().satisfies(note -> {
            assertThat(note.subject()).isEqualTo(RequestNote.Subject.PRIORITY_RAISED);
            assertThat(note.text()).isEqualTo("Dochter Wiepkje Scholten-Buist belde huilend");
        });
        WaitingPriorityRaised raised = awaitOne(WaitingPriorityRaised.class, w -> w.requestId().equals(later));
        assertThat(raised.priority()).isEqualTo(1);
        // the event carries the code; the words stay here, sealed
        assertThat(raised.reason()).isEqualTo("CARER_OVERBURDENED");
        assertThat(sealedNotes(later)).singleElement().asString().isNotBlank().doesNotContain("Scholten");
        // an unknown code is refused, naming the field, and changes nothing
        web.post().uri("/api/v1/requests/{id}/priority", later).headers(MatchingApi.asCoordinator())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reasonCode\":\"SHE_IS_NICE\"}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reasonCode");
        web.post().uri("/api/v1/requests/{id}/priority", later).headers(MatchingApi.asCoordinator())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reasonCode");
        assertThat(api.view(later).waiting().priority()).isEqualTo(1);
        web.get().uri("/api/v1/regions/{region}/waiting-list?careType={type}", REGION, RESPITE).headers(MatchingApi.asCoordinator()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.requestId == '" + later + "')].position").isEqualTo(1);

        publishNights(logeerhuis, first, 2, 1, 0);

        HoldRequested hold = awaitOne(HoldRequested.class, h -> h.firstNight() != null
                && h.firstNight().equals(first));
        assertThat(hold.requestId()).isEqualTo(later);
        assertThat(api.view(earlier).status()).isEqualTo("WAITING");
        // a refused hold (the bed went meanwhile) puts the request back in its old place, not at the end
        producer().send(new BedHoldRefused(hold.offerId(), later, logeerhuis, RESPITE, "NO_FREE_BED", Instant.now()));
        api.awaitStatus(later, "WAITING");
        assertThat(api.view(later).waiting().position()).isEqualTo(1);
        assertThat(recorder.payloads(RequestWaitlisted.class, w -> w.requestId().equals(later))).hasSize(1);
    }

    @Test
    void aCrisisStayDoesNotTakeProtectedNightsUntilACoordinatorOverridesOnTheRecord() {
        // one bed a night, protected for planned respite; the first two nights are within the 48 h release horizon
        publishNights(logeerhuis, tonight, 5, 1, 1);

        String requestId = submit("""
                {"region":"drenthe","careType":"WMO_LOGEER","urgency":"CRISIS","residence":{"postcode":"9401"},
                 "stay":{"nights":5},"contact":{"name":"Wijkverpleging Assen","phone":"0592 654321"}}""");

        api.awaitStatus(requestId, "ESCALATED");
        RequestEscalated escalated = awaitOne(RequestEscalated.class, e -> e.requestId().equals(requestId));
        assertThat(escalated.reason()).isEqualTo("NO_CANDIDATE");
        assertThat(escalated.detail()).contains("protected for planned respite", "override");
        assertThat(recorder.payloads(HoldRequested.class, h -> h.requestId().equals(requestId))).isEmpty();

        web.post().uri("/api/v1/requests/{id}/protection-override", requestId).headers(MatchingApi.asCoordinator()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reasonCode\":\"OVERRULED\"}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reasonCode");
        web.post().uri("/api/v1/requests/{id}/protection-override", requestId).headers(MatchingApi.asCoordinator()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reasonCode\":\"CARER_UNAVAILABLE\",\"note\":\"Mevrouw Tjitske Hofsteenge in het ziekenhuis\"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.decisions[0].kind").isEqualTo("PROTECTION_OVERRIDDEN")
                .jsonPath("$.decisions[0].reason").isEqualTo("CARER_UNAVAILABLE");
        assertThat(api.view(requestId).notes()).singleElement().satisfies(note ->
                assertThat(note.text()).isEqualTo("Mevrouw Tjitske Hofsteenge in het ziekenhuis"));

        assertThat(awaitOne(ProtectionOverridden.class, o -> o.requestId().equals(requestId)).reason())
                .isEqualTo("CARER_UNAVAILABLE");
        assertThat(sealedNotes(requestId)).singleElement().asString().doesNotContain("Hofsteenge");
        HoldRequested hold = awaitOne(HoldRequested.class, h -> h.requestId().equals(requestId));
        assertThat(hold.protectionOverride()).isTrue();
        assertThat(hold.urgency()).isEqualTo("CRISIS");
        assertThat(hold.firstNight()).isEqualTo(tonight);
        assertThat(hold.nights()).isEqualTo(5);
    }

    /** The notes of a request as stored. */
    private List<String> sealedNotes(String requestId) {
        return db.sql("SELECT sealed FROM request_note WHERE request_id = :id").bind("id", requestId)
                .map((row, meta) -> row.get("sealed", String.class)).all().collectList().block(TIMEOUT);
    }

    @Test
    void aRecurringStayBecomesOneRequestPerOccurrenceInOneSeries() {
        LocalDate first = tonight.plusDays(80);

        String requestId = submitPlanned("{\"firstNight\":\"" + first + "\",\"nights\":2,"
                + "\"repeat\":{\"every\":\"MONTH\",\"times\":3}}");

        RequestView view = api.view(requestId);
        assertThat(view.stay().series()).hasSize(3).contains(requestId);
        submitted.addAll(view.stay().series());
        List<RequestSubmitted> occurrences = await().atMost(TIMEOUT).until(() -> recorder.payloads(
                RequestSubmitted.class, s -> view.stay().seriesId().equals(s.seriesId())), found -> found.size() == 3);
        assertThat(occurrences).extracting(RequestSubmitted::firstNight)
                .containsExactlyInAnyOrder(first, first.plusMonths(1), first.plusMonths(2));
        assertThat(occurrences).allSatisfy(occurrence -> assertThat(occurrence.nights()).isEqualTo(2));

        // the carer's plans change from the second month on: that occurrence and the later ones are cancelled
        String second = view.stay().series().get(1);
        web.post().uri("/api/v1/requests/{id}/cancel", second).headers(MatchingApi.asReferrer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"Moving in with our daughter\",\"series\":true}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        assertThat(api.view(view.stay().series().get(2)).status()).isEqualTo("CANCELLED");
        assertThat(api.view(requestId).status()).isNotEqualTo("CANCELLED");
    }

    @Test
    void aRequestThatBreaksACareTypeRuleIsRefusedNamingTheFieldAndNothingIsStored() {
        long before = requestCount();
        String future = tonight.plusDays(10).toString();

        refused("""
                {"region":"drenthe","careType":"ELV_HOOG","urgency":"PLANNED","residence":{"postcode":"9401"},
                 "stay":{"firstNight":"%s","nights":3},"contact":{"name":"Huisarts","phone":"0592 123456"}}"""
                .formatted(future), "careType");
        refused(planned("{\"firstNight\":\"" + future + "\",\"nights\":15}"), "stay.nights");
        refused(planned("{\"firstNight\":\"" + tonight.minusDays(2) + "\",\"nights\":2}"), "stay.firstNight");
        refused(planned("{\"nights\":2}"), "stay.firstNight");
        refused("""
                {"region":"drenthe","careType":"WMO_LOGEER","urgency":"PLANNED","residence":{"postcode":"9401"},
                 "contact":{"name":"Huisarts","phone":"0592 123456"}}""", "stay");
        refused("""
                {"region":"drenthe","careType":"WLZ_CRISIS","urgency":"CRISIS","residence":{"postcode":"9401"},
                 "stay":{"nights":15},"contact":{"name":"Huisarts","phone":"0592 123456"}}""", "stay.nights");
        refused("""
                {"region":"drenthe","careType":"WMO_LOGEER","urgency":"CRISIS","residence":{"postcode":"9401"},
                 "stay":{"firstNight":"%s","nights":2},"contact":{"name":"Huisarts","phone":"0592 123456"}}"""
                .formatted(future), "stay.firstNight");

        assertThat(requestCount()).isEqualTo(before);
    }

    private void refused(String body, String field) {
        web.post().uri("/api/v1/requests").headers(MatchingApi.asReferrer()).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private long requestCount() {
        return db.sql("SELECT count(*) FROM request").map((row, meta) -> row.get(0, Long.class)).one().block();
    }

    private static String planned(String stay) {
        return """
                {"region":"drenthe","careType":"WMO_LOGEER","urgency":"PLANNED","residence":{"postcode":"9401"},
                 "needs":["DEMENTIA"],"stay":%s,"contact":{"name":"Respijtconsulent Assen","phone":"0592 111222"}}"""
                .formatted(stay);
    }

    private String submitPlanned(String stay) {
        return submit(planned(stay));
    }

    private String submit(String body) {
        String id = api.submit(body);
        submitted.add(id);
        return id;
    }

    private void publishNights(String locationId, LocalDate first, int nights, int available, int protectedBeds) {
        List<NightFigure> figures = first.datesUntil(first.plusDays(nights))
                .map(night -> new NightFigure(night, available, 0, available, protectedBeds, Instant.now())).toList();
        producer().send(new NightCapacityPublished(locationId, REGION, RESPITE, figures, Instant.now()));
        await("nights of " + locationId).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> db.sql("""
                        SELECT count(*) FROM night_capacity_replica WHERE location_id = :location
                          AND night BETWEEN :first AND :last AND available_beds = :available""")
                .bind("location", locationId).bind("first", first).bind("last", first.plusDays(nights - 1L))
                .bind("available", available)
                .map((row, meta) -> row.get(0, Long.class)).one().block(), count -> count == nights);
    }

    private <T> T awaitOne(Class<T> type, Predicate<T> filter) {
        return MatchingApi.awaitFirst(recorder, type, filter);
    }
}
