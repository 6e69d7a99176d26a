package nl.adempauze.requestmatching.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.SeedEvents;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The actuator on a real broker and database: health stays open for the probes; metrics and the Prometheus scrape
 * need a token with role ADMIN (none: 401, another role: 403). After a request is submitted, the admin finds the
 * matching timers, their counts and their percentiles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = "spring.config.name=request-matching")
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class MetricsAccessIntegrationTest {

    /** A care type no other test offers: no location has it, so the request is searched for and escalated. */
    private static final String REQUEST_BODY = """
            {"region":"drenthe","careType":"ELV_PALLIATIEF","urgency":"CRISIS","residence":{"postcode":"9401"},
             "funder":"zilveren-kruis","contact":{"name":"Huisartsenpost Assen","phone":"0592 123456"}}""";
    private static final String FREE_NOW_WITHOUT_CANDIDATES = "tag=care.kind:free-now&tag=outcome:none";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @BeforeEach
    void regionKnown() {
        TestEventProducer.shared().send(SeedEvents.regionConfigured("classpath:seeds/drenthe.json"));
        await().atMost(MatchingApi.TIMEOUT).until(() -> db.sql("SELECT count(*) FROM postcode_area WHERE pc4 = '9401'")
                .map((row, meta) -> row.get(0, Long.class)).one().block() == 1L);
    }

    @Test
    void healthIsOpenToAnyone() {
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        // up or not (readiness waits for the replica to catch up), but answered without a token
        for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
            web.get().uri(path).exchange().expectStatus().value(status -> assertThat(status).as(path).isIn(200, 503));
        }
    }

    @Test
    void metricsAndTheScrapeNeedAnAdmin() {
        for (String path : List.of("/actuator/metrics", "/actuator/metrics/adempauze.matching.search",
                "/actuator/prometheus")) {
            web.get().uri(path).exchange().expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("WWW-Authenticate", "Bearer");
            for (String notAdmin : List.of(MatchingApi.REFERRER, MatchingApi.COORDINATOR,
                    TestTokens.provider("zorggroep-drentse-aa"))) {
                web.get().uri(path).headers(TestTokens.as(notAdmin)).exchange().expectStatus().isForbidden();
            }
        }
        web.get().uri("/actuator/metrics").headers(TestTokens.as(TestTokens.admin())).exchange()
                .expectStatus().isOk();
    }

    @Test
    void anAdminReadsHowLongTheCandidateSearchTook() {
        long searchesBefore = count("adempauze.matching.search", FREE_NOW_WITHOUT_CANDIDATES);

        new MatchingApi(web, db).submit(REQUEST_BODY);

        Map<?, ?> names = asAdmin("/actuator/metrics");
        assertThat(names.get("names")).asInstanceOf(list(String.class)).contains("adempauze.matching.search",
                "adempauze.matching.search.percentile", "adempauze.matching.submission",
                "adempauze.matching.submission.percentile");
        assertThat(count("adempauze.matching.search", FREE_NOW_WITHOUT_CANDIDATES)).isEqualTo(searchesBefore + 1);
        assertThat(statistic(asAdmin("/actuator/metrics/adempauze.matching.search?" + FREE_NOW_WITHOUT_CANDIDATES),
                "TOTAL_TIME")).isPositive();
        // the percentiles are gauges over a sliding time window (a sample can have rotated out of it on a busy
        // machine): they are there, and in order
        List<Double> percentiles = List.of("0.5", "0.9", "0.99").stream()
                .map(phi -> statistic(asAdmin("/actuator/metrics/adempauze.matching.search.percentile?tag=phi:" + phi
                        + "&" + FREE_NOW_WITHOUT_CANDIDATES), "VALUE")).toList();
        assertThat(percentiles).allSatisfy(value -> assertThat(value).isNotNegative()).isSorted();
        assertThat(count("adempauze.matching.submission", "tag=urgency:crisis&tag=outcome:escalated"))
                .isPositive();
        String scrape = web.get().uri("/actuator/prometheus").headers(TestTokens.as(TestTokens.admin())).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).containsPattern("adempauze_matching_search_seconds_count\\{[^}]*care_kind=\"free-now\"")
                .containsPattern("adempauze_matching_search_seconds\\{[^}]*quantile=\"0.99\"");
    }

    private long count(String meter, String tags) {
        var response = web.get().uri("/actuator/metrics/" + meter + "?" + tags)
                .headers(TestTokens.as(TestTokens.admin())).exchange().returnResult(Map.class);
        // a timer not used yet with these tags is not there at all
        return response.getStatus().value() == 404 ? 0
                : (long) statistic(response.getResponseBody().blockFirst(), "COUNT");
    }

    private Map<?, ?> asAdmin(String path) {
        return web.get().uri(path).headers(TestTokens.as(TestTokens.admin())).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static double statistic(Map<?, ?> meter, String statistic) {
        return ((List<?>) meter.get("measurements")).stream().map(Map.class::cast)
                .filter(measurement -> statistic.equals(measurement.get("statistic")))
                .map(measurement -> ((Number) measurement.get("value")).doubleValue())
                .findFirst().orElseThrow(() -> new AssertionError(statistic + " not in " + meter));
    }
}
