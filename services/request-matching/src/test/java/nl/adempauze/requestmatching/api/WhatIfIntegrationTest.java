package nl.adempauze.requestmatching.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.SeedEvents;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.requestmatching.RequestMatchingApplication;
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
 * A coordinator's what-if on a real database, with a real runner process that never answers ({@code sleep}): the run
 * is recorded with the region's settings of today, a second waits for the first, the time limit kills a run that
 * takes too long and fails it with a Dutch reason, a run left by a stopped instance does not block for good, and bad
 * settings or callers change nothing. The simulator itself answers in the local stack's end-to-end test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = {"spring.config.name=request-matching", "adempauze.what-if.command=sleep,60",
                "adempauze.what-if.seed-files=classpath:seeds/drenthe.json", "adempauze.what-if.time-limit=PT3S"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class WhatIfIntegrationTest {

    private static final Duration TIMEOUT = MatchingApi.TIMEOUT;
    private static final String COORDINATOR = TestTokens.coordinator("drenthe");

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    private String location;

    @BeforeEach
    void region() {
        TestEventProducer.shared().send(SeedEvents.regionConfigured("classpath:seeds/drenthe.json"));
        location = "loc-what-if-" + UUID.randomUUID().toString().substring(0, 8);
        TestEventProducer.shared().send(new LocationRegistered(location, "drenthe", "provider-" + location,
                "Zorggroep Test", "Logeerhuis " + location, new Address("Teststraat 1", "9401 AA", "Assen"), "Assen",
                52.99, 6.56, List.of(), List.of("WLZ_LOGEER"), List.of(new FunderContract("zorgkantoor-drenthe",
                List.of("WLZ_LOGEER"))), true, null, Instant.now()));
        await().atMost(TIMEOUT).until(() -> count("SELECT count(*) FROM location_replica WHERE id = '" + location
                + "'") == 1 && count("SELECT count(*) FROM care_type_rule WHERE region_id = 'drenthe'") > 0);
    }

    @AfterEach
    void noRunLeftRunning() {
        await().atMost(TIMEOUT).until(() -> count("SELECT count(*) FROM what_if_run WHERE status = 'RUNNING'") == 0);
    }

    @Test
    void aRunIsRecordedWithTodaysSettingsASecondWaitsAndTheTimeLimitEndsIt() {
        Map<?, ?> run = start("""
                {"protection":[{"careType":"WLZ_LOGEER","protectedBeds":2}],
                 "extraBeds":[{"locationId":"%s","careType":"WLZ_LOGEER","beds":1}],"months":3}""".formatted(location));

        assertThat(run.get("status")).isEqualTo("RUNNING");
        assertThat(run.get("requestedBy")).isNotNull();
        assertThat(((Map<?, ?>) run.get("settings")).get("months")).isEqualTo(3);
        Map<?, ?> wlzToday = ((List<?>) ((Map<?, ?>) run.get("today")).get("careTypes")).stream()
                .map(Map.class::cast).filter(type -> "WLZ_LOGEER".equals(type.get("code"))).findFirst().orElseThrow();
        assertThat(wlzToday.get("protectedBeds")).isEqualTo(1);
        assertThat(wlzToday.get("releaseHorizonHours")).isEqualTo(48);

        web.post().uri("/api/v1/regions/drenthe/what-if").headers(TestTokens.as(COORDINATOR))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("What-if already running");

        String id = (String) run.get("id");
        await().atMost(TIMEOUT).until(() -> "FAILED".equals(get(id).get("status")));
        Map<?, ?> failed = get(id);
        assertThat((String) failed.get("failure")).contains("langer dan 3 seconden");
        assertThat(failed.get("finishedAt")).isNotNull();
        web.get().uri("/api/v1/regions/drenthe/what-if/{id}/table.csv", id).headers(TestTokens.as(COORDINATOR))
                .exchange().expectStatus().isEqualTo(409);

        // once it ended, the next one may start
        Map<?, ?> next = start("{}");
        assertThat(next.get("status")).isEqualTo("RUNNING");
        assertThat(web.get().uri("/api/v1/regions/drenthe/what-if").headers(TestTokens.as(COORDINATOR)).exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody())
                .extracting(listed -> listed.get("id")).startsWith(next.get("id"), id);
    }

    @Test
    void aRunLeftRunningByAStoppedInstanceDoesNotBlockForGood() {
        UUID abandoned = UUID.randomUUID();
        db.sql("""
                        INSERT INTO what_if_run (id, region_id, requested_by, requested_at, settings, today, status)
                        VALUES (:id, 'drenthe', 'coordinator', :at, '{}', '{"careTypes":[],"neighbours":[]}',
                                'RUNNING')""")
                .bind("id", abandoned).bind("at", Instant.now().minus(Duration.ofHours(1)))
                .fetch().rowsUpdated().block();

        start("{}");

        Map<?, ?> old = get(abandoned.toString());
        assertThat(old.get("status")).isEqualTo("FAILED");
        assertThat((String) old.get("failure")).contains("onderbroken");
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndChangeNothing() {
        long before = count("SELECT count(*) FROM what_if_run");
        refused("{\"months\":13}", "months");
        refused("{\"releaseHorizonHours\":-1}", "releaseHorizonHours");
        refused("{\"protection\":[{\"careType\":\"WLZ_LOGEER\",\"protectedShare\":1.5}]}",
                "protection[0].protectedShare");
        refused("{\"protection\":[{\"careType\":\"ELV_HOOG\",\"protectedBeds\":1}]}", "protection[0].careType");
        refused("{\"protection\":[{\"careType\":\"NO_SUCH_TYPE\",\"protectedBeds\":1}]}", "protection[0].careType");
        refused("{\"extraBeds\":[{\"locationId\":\"loc-nowhere\",\"careType\":\"WLZ_LOGEER\",\"beds\":1}]}",
                "extraBeds[0].locationId");
        refused("{\"extraBeds\":[{\"locationId\":\"" + location + "\",\"careType\":\"WLZ_LOGEER\",\"beds\":0}]}",
                "extraBeds[0].beds");
        assertThat(count("SELECT count(*) FROM what_if_run")).isEqualTo(before);
    }

    @Test
    void onlyTheRegionsCoordinatorsAndAdminsMayAndARunIsReadOnlyInItsRegion() {
        long before = count("SELECT count(*) FROM what_if_run");
        for (String token : List.of(TestTokens.coordinator("groningen"), TestTokens.referrer("huisartsenpost-assen"),
                TestTokens.provider("provider-" + location))) {
            for (String body : List.of("{}", "{\"months\":99}")) {
                web.post().uri("/api/v1/regions/drenthe/what-if").headers(TestTokens.as(token))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                        .expectStatus().isForbidden();
            }
        }
        assertThat(count("SELECT count(*) FROM what_if_run")).isEqualTo(before);

        String id = (String) start("{}").get("id");
        web.get().uri("/api/v1/regions/drenthe/what-if/{id}", id)
                .headers(TestTokens.as(TestTokens.coordinator("groningen"))).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/regions/groningen/what-if/{id}", id)
                .headers(TestTokens.as(TestTokens.coordinator("groningen"))).exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/regions/drenthe/what-if/{id}", id).headers(TestTokens.as(TestTokens.admin()))
                .exchange().expectStatus().isOk();
    }

    private Map<?, ?> start(String body) {
        return web.post().uri("/api/v1/regions/drenthe/what-if").headers(TestTokens.as(COORDINATOR))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isAccepted()
                .expectHeader().value("Location", location -> assertThat(location)
                        .startsWith("/api/v1/regions/drenthe/what-if/"))
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<?, ?> get(String id) {
        return web.get().uri("/api/v1/regions/drenthe/what-if/{id}", id).headers(TestTokens.as(COORDINATOR))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private void refused(String body, String field) {
        web.post().uri("/api/v1/regions/drenthe/what-if").headers(TestTokens.as(COORDINATOR))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private long count(String sql) {
        return db.sql(sql).map((row, meta) -> row.get(0, Long.class)).one().block();
    }
}
