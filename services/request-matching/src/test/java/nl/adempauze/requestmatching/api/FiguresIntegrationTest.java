package nl.adempauze.requestmatching.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.NightCapacityPublished;
import nl.adempauze.contracts.events.NightFigure;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.platform.testing.AdjustableClock;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.SeedEvents;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.application.Figures;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The monitoring and evaluation figures from real data made through the API, in a region of this test's own (so no
 * other test's requests count): four crisis requests and one planned stay; the clock is moved on between
 * submission and acceptance to give known times to placement. This test plays bed-availability.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = {"spring.config.name=request-matching", "adempauze.matching.hold-answer-timeout=PT6H"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@Import(AdjustableClock.Configuration.class)
@AutoConfigureWebTestClient
class FiguresIntegrationTest {

    private static final String CRISIS = "ELV_HOOG";
    private static final String RESPITE = "WMO_LOGEER";
    private static final Duration TIMEOUT = MatchingApi.TIMEOUT;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    AdjustableClock clock;

    private MatchingApi api;
    private TopicRecorder recorder;
    private String region;
    private String near;
    private String far;
    private String logeerhuis;

    @BeforeEach
    void ownRegion() {
        api = new MatchingApi(web, db);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        region = "figures-" + suffix;
        near = "loc-fig-near-" + suffix;
        far = "loc-fig-far-" + suffix;
        logeerhuis = "loc-fig-logeerhuis-" + suffix;
        // the seeded region's configuration under another name; its municipalities without postcode areas, which
        // belong to drenthe (residences are given by municipality here)
        RegionConfigured drenthe = SeedEvents.regionConfigured("classpath:seeds/drenthe.json");
        producer().send(new RegionConfigured(region, "Figures " + suffix, drenthe.freshnessWindowMinutes(),
                drenthe.careTypes(), drenthe.municipalities().stream()
                        .map(m -> new RegionConfigured.MunicipalityDefinition(m.name(), m.latitude(), m.longitude(),
                                List.of()))
                        .toList(), drenthe.funders(), List.of(), null, Instant.now()));
        producer().send(location(near, CRISIS, 6.5600, "zilveren-kruis"));
        producer().send(location(far, CRISIS, 6.7820, "zilveren-kruis"));
        producer().send(location(logeerhuis, RESPITE, 6.5600, "gemeente-assen"));
        await().atMost(TIMEOUT).until(() -> db.sql("SELECT count(*) FROM location_replica WHERE region_id = :region")
                .bind("region", region).map((row, meta) -> row.get(0, Long.class)).one().block() == 3L);
        for (String location : List.of(near, far)) {
            producer().send(new CapacityPublished(location, region, CRISIS, 1, 0, 1, 1, Instant.now()));
        }
        await().atMost(TIMEOUT).until(() -> db.sql("SELECT count(*) FROM capacity_replica WHERE region_id = :region")
                .bind("region", region).map((row, meta) -> row.get(0, Long.class)).one().block() == 2L);
        recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), EventCatalogue.REQUESTS.name()));
        // ahead of the real time from the start, so no other test context's clock finds this test's offers overdue
        clock.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void countsPlacementsTimesTargetsDeclinesAndEscalationsPerUrgencyAndCareType() {
        // crisis 1: placed 20 minutes after submission, well before it was needed
        String first = submitCrisis("");
        offered(first, near);
        clock.advance(Duration.ofMinutes(20));
        accept(first, near);

        // crisis 2: bed-availability took 15 minutes to hold, the provider 25 to accept: placed after 40 minutes
        String second = submitCrisis("");
        HoldRequested slowHold = awaitHold(second, near);
        clock.advance(Duration.ofMinutes(15));
        producer().send(new BedHeld(slowHold.offerId(), second, near, CRISIS, null, null, 0, 0, Instant.now()));
        api.awaitStatus(second, "OFFERED");
        clock.advance(Duration.ofMinutes(25));
        accept(second, near);

        // crisis 3: needed within 10 minutes, escalated as at risk, placed after 25: not in time
        String late = submitCrisis(",\"neededBy\":\"" + clock.instant().plus(Duration.ofMinutes(10)) + "\"");
        offered(late, near);
        await("deadline escalation").atMost(TIMEOUT).until(() -> api.view(late).escalations().stream()
                .anyMatch(escalation -> escalation.reason().equals("DEADLINE_AT_RISK")));
        clock.advance(Duration.ofMinutes(25));
        accept(late, near);

        // crisis 4: both locations decline, with a reason; no candidate is left, so it escalates
        String declined = submitCrisis("");
        decline(declined, offered(declined, near), near, "NO_STAFF");
        decline(declined, offered(declined, far), far, "NO_BED");
        api.awaitStatus(declined, "ESCALATED");

        // a planned stay booked an hour after it was asked for, ten days before its first night
        LocalDate firstNight = Nights.nightOf(clock.instant()).plusDays(10);
        publishNights(firstNight, 2);
        String planned = api.submit("""
                {"region":"%s","careType":"WMO_LOGEER","urgency":"PLANNED","residence":{"municipality":"Assen"},
                 "stay":{"firstNight":"%s","nights":2},"contact":{"name":"Respijtconsulent","phone":"0592 111222"}}"""
                .formatted(region, firstNight));
        HoldRequested stayHold = awaitHold(planned, logeerhuis);
        producer().send(new BedHeld(stayHold.offerId(), planned, logeerhuis, RESPITE, firstNight, 2, 0, 0,
                Instant.now()));
        api.awaitStatus(planned, "OFFERED");
        clock.advance(Duration.ofMinutes(60));
        accept(planned, logeerhuis);
        api.awaitStatus(planned, "BOOKED");

        LocalDate from = LocalDate.now(Nights.ZONE).minusDays(1);
        LocalDate to = LocalDate.now(Nights.ZONE).plusDays(1);
        Figures figures = web.get().uri("/api/v1/regions/{region}/figures?from={from}&to={to}", region, from, to)
                .headers(coordinator()).exchange()
                .expectStatus().isOk()
                .expectBody(Figures.class).returnResult().getResponseBody();

        assertThat(figures.region()).isEqualTo(region);
        assertThat(figures.byUrgencyAndCareType()).extracting(Figures.UrgencyFigures::urgency,
                Figures.UrgencyFigures::careType).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CRISIS", CRISIS),
                        org.assertj.core.groups.Tuple.tuple("PLANNED", RESPITE));
        Figures.UrgencyFigures crisis = figures.byUrgencyAndCareType().get(0);
        assertThat(crisis.submitted()).isEqualTo(4);
        assertThat(crisis.placements()).isEqualTo(3);
        // 20, 25 and 40 minutes: the median is 25; the 90th percentile 25 + 0.8 x 15 = 37
        assertThat(crisis.timeToPlacement().count()).isEqualTo(3);
        assertThat(crisis.timeToPlacement().medianMinutes()).isCloseTo(25.0, within(0.5));
        assertThat(crisis.timeToPlacement().p90Minutes()).isCloseTo(37.0, within(0.5));
        assertThat(crisis.withinTarget()).isEqualTo(new Figures.WithinTarget(3, 2, 0.667));
        assertThat(crisis.declinesByReason()).isEqualTo(Map.of("NO_STAFF", 1L, "NO_BED", 1L));
        assertThat(crisis.escalationsByReason()).isEqualTo(Map.of("DEADLINE_AT_RISK", 1L, "NO_CANDIDATE", 1L));

        Figures.UrgencyFigures respite = figures.byUrgencyAndCareType().get(1);
        assertThat(respite.submitted()).isEqualTo(1);
        assertThat(respite.placements()).isEqualTo(1);
        assertThat(respite.timeToPlacement().medianMinutes()).isCloseTo(60.0, within(0.5));
        assertThat(respite.timeToPlacement().p90Minutes()).isCloseTo(60.0, within(0.5));
        assertThat(respite.withinTarget()).isEqualTo(new Figures.WithinTarget(1, 1, 1.0));
        assertThat(respite.declinesByReason()).isEmpty();
        assertThat(respite.escalationsByReason()).isEmpty();

        // what the figures held before is still there
        assertThat(figures.careTypes()).filteredOn(f -> f.careType().equals(CRISIS)).singleElement()
                .satisfies(f -> assertThat(f.offersDeclined()).isEqualTo(Map.of("NO_STAFF", 1L, "NO_BED", 1L)));
        assertThat(figures.careTypes()).filteredOn(f -> f.careType().equals(RESPITE)).singleElement()
                .satisfies(f -> assertThat(f.plannedNightsBooked()).isEqualTo(2));

        // the same numbers as CSV, for the admin too
        String fileName = "adempauze-" + region + "-" + from + "-" + to + ".csv";
        for (Consumer<HttpHeaders> as : List.of(coordinator(), TestTokens.as(TestTokens.admin()))) {
            String csv = web.get().uri("/api/v1/regions/{region}/figures.csv?from={from}&to={to}", region, from, to)
                    .headers(as).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType("text/csv;charset=UTF-8")
                    .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                    .expectBody(String.class).returnResult().getResponseBody();
            List<String> lines = csv.lines().toList();
            String prefix = region + "," + from + "," + to + ",";
            assertThat(lines.get(0)).isEqualTo("region,from,to,section,urgency,careType,key,value");
            assertThat(csv).endsWith("\r\n");
            assertThat(lines).contains(
                    prefix + "submitted,CRISIS,ELV_HOOG,count,4",
                    prefix + "placements,CRISIS,ELV_HOOG,count,3",
                    prefix + "timeToPlacement,CRISIS,ELV_HOOG,count,3",
                    prefix + "withinTarget,CRISIS,ELV_HOOG,withinTarget,2",
                    prefix + "withinTarget,CRISIS,ELV_HOOG,share,0.667",
                    prefix + "declines,CRISIS,ELV_HOOG,NO_STAFF,1",
                    prefix + "declines,CRISIS,ELV_HOOG,NO_BED,1",
                    prefix + "escalations,CRISIS,ELV_HOOG,DEADLINE_AT_RISK,1",
                    prefix + "escalations,CRISIS,ELV_HOOG,NO_CANDIDATE,1",
                    prefix + "submitted,PLANNED,WMO_LOGEER,count,1",
                    prefix + "withinTarget,PLANNED,WMO_LOGEER,share,1.0",
                    prefix + "plannedNightsBooked,PLANNED,WMO_LOGEER,nights,2");
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .startsWith(prefix + "timeToPlacement,CRISIS,ELV_HOOG,medianMinutes,2"));
        }
    }

    @Test
    void onlyTheRegionsCoordinatorsAndAdminsGetTheFiguresAndAPeriodMustMakeSense() {
        for (String path : List.of("/api/v1/regions/{region}/figures", "/api/v1/regions/{region}/figures.csv")) {
            web.get().uri(path, region).headers(MatchingApi.asReferrer()).exchange()
                    .expectStatus().isForbidden();
            web.get().uri(path, region).headers(TestTokens.as(TestTokens.provider("provider-" + near))).exchange()
                    .expectStatus().isForbidden();
            web.get().uri(path, region).headers(TestTokens.as(TestTokens.coordinator("groningen"))).exchange()
                    .expectStatus().isForbidden();
            web.get().uri(path, region).exchange().expectStatus().isUnauthorized();
            web.get().uri(path, region).headers(coordinator()).exchange().expectStatus().isOk();
            web.get().uri(path, region).headers(TestTokens.as(TestTokens.admin())).exchange().expectStatus().isOk();
            web.get().uri(path + "?from=2026-11-30&to=2026-11-01", region).headers(coordinator()).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        }
        // a region with nothing in it yet has empty figures, and a CSV with only its header
        web.get().uri("/api/v1/regions/{region}/figures", region).headers(coordinator()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.byUrgencyAndCareType").isEmpty().jsonPath("$.careTypes").isEmpty();
        assertThat(web.get().uri("/api/v1/regions/{region}/figures.csv", region).headers(coordinator()).exchange()
                .expectStatus().isEqualTo(HttpStatus.OK).expectBody(String.class).returnResult().getResponseBody())
                .isEqualTo("region,from,to,section,urgency,careType,key,value\r\n");
    }

    private Consumer<HttpHeaders> coordinator() {
        return TestTokens.as(TestTokens.coordinator(region));
    }

    private String submitCrisis(String extra) {
        return api.submit("""
                {"region":"%s","careType":"ELV_HOOG","urgency":"CRISIS","residence":{"municipality":"Assen"},
                 "funder":"zilveren-kruis","contact":{"name":"Huisartsenpost Assen","phone":"0592 123456"}%s}"""
                .formatted(region, extra));
    }

    /** Plays bed-availability holding the bed at {@code location}; returns the offer id once it is offered. */
    private String offered(String requestId, String location) {
        HoldRequested hold = awaitHold(requestId, location);
        producer().send(new BedHeld(hold.offerId(), requestId, location, CRISIS, null, null, 0, 0, Instant.now()));
        await("offer " + hold.offerId() + " open").atMost(TIMEOUT).until(() -> api.view(requestId).offers().stream()
                .anyMatch(offer -> offer.id().equals(hold.offerId()) && offer.status().equals("OPEN")));
        return hold.offerId();
    }

    private void accept(String requestId, String location) {
        String offerId = api.view(requestId).currentOffer().id();
        web.post().uri("/api/v1/offers/{id}/accept", offerId).headers(api.asProviderOf(location)).exchange()
                .expectStatus().isOk();
    }

    private void decline(String requestId, String offerId, String location, String reasonCode) {
        web.post().uri("/api/v1/offers/{id}/decline", offerId).headers(api.asProviderOf(location))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"Cannot take this patient\",\"reasonCode\":\"" + reasonCode + "\"}")
                .exchange().expectStatus().isOk();
    }

    private HoldRequested awaitHold(String requestId, String location) {
        return MatchingApi.awaitFirst(recorder, HoldRequested.class,
                (Predicate<HoldRequested>) hold -> hold.requestId().equals(requestId)
                        && hold.locationId().equals(location));
    }

    private void publishNights(LocalDate first, int nights) {
        List<NightFigure> figures = first.datesUntil(first.plusDays(nights))
                .map(night -> new NightFigure(night, 1, 0, 1, 1, Instant.now())).toList();
        producer().send(new NightCapacityPublished(logeerhuis, region, RESPITE, figures, Instant.now()));
        await().atMost(TIMEOUT).until(() -> db.sql(
                        "SELECT count(*) FROM night_capacity_replica WHERE location_id = :location")
                .bind("location", logeerhuis).map((row, meta) -> row.get(0, Long.class)).one().block() == nights);
    }

    private LocationRegistered location(String id, String careType, double longitude, String funder) {
        return new LocationRegistered(id, region, "provider-" + id, "Zorggroep Figures", "Huize " + id,
                new Address("Teststraat 5", "9401 AA", "Assen"), "Assen", 52.9930, longitude, List.of("DEMENTIA"),
                List.of(careType), List.of(new FunderContract(funder, List.of(careType))), true, null,
                Instant.now());
    }

    private static TestEventProducer producer() {
        return TestEventProducer.shared();
    }
}
