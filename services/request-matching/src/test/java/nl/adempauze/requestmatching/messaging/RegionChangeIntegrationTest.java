package nl.adempauze.requestmatching.messaging;

import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.contracts.events.RegionConfigured.CareTypeDefinition;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.SeedEvents;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A region's configuration is read on every request, and kept in memory a short while to spare the database; a
 * change the region announces must still count from the next request on, not after the memory lapses. On a real
 * broker and database, in a region of this test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = {"spring.config.name=request-matching", "adempauze.matching.reference-data-kept-for=PT1H"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class RegionChangeIntegrationTest {

    private static final String CARE_TYPE = "ELV_HOOG";
    private final String region = "wisselland-" + UUID.randomUUID().toString().substring(0, 8);
    private final String municipality = "Wisseldorp " + region;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Test
    void aShorterLongestStayCountsFromTheNextRequestOn() {
        configure(30);
        submitForNights(20).expectStatus().isCreated();

        configure(14);

        submitForNights(20).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("stay.nights");
    }

    private WebTestClient.ResponseSpec submitForNights(int nights) {
        return web.post().uri("/api/v1/requests").headers(MatchingApi.asReferrer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"region":"%s","careType":"%s","urgency":"CRISIS","residence":{"municipality":"%s"},
                         "stay":{"nights":%d},"funder":"zilveren-kruis",
                         "contact":{"name":"Huisartsenpost","phone":"0591 123456"}}""".formatted(region, CARE_TYPE,
                        municipality, nights))
                .exchange();
    }

    private void configure(int maxStayNights) {
        RegionConfigured drenthe = SeedEvents.regionConfigured("classpath:seeds/drenthe.json");
        List<CareTypeDefinition> careTypes = drenthe.careTypes().stream().map(type -> !type.code().equals(CARE_TYPE)
                ? type : new CareTypeDefinition(type.code(), type.name(), type.fundingStream(), type.defaultUrgency(),
                type.crisisResponseMinutes(), type.plannedResponseMinutes(), type.admissionDeadlineHours(),
                type.plannedBooking(), type.minStayNights(), maxStayNights, type.protection())).toList();
        TestEventProducer.shared().send(new RegionConfigured(region, region, drenthe.freshnessWindowMinutes(), careTypes,
                List.of(new RegionConfigured.MunicipalityDefinition(municipality, 52.7858, 6.8975, List.of())),
                drenthe.funders(), List.of(), null, Instant.now()));
        await().atMost(MatchingApi.TIMEOUT).until(() -> db.sql(
                        "SELECT count(*) FROM care_type_rule WHERE region_id = :r AND code = :c AND max_stay_nights = :n")
                .bind("r", region).bind("c", CARE_TYPE).bind("n", maxStayNights)
                .map((row, meta) -> row.get(0, Long.class)).one().block() == 1L);
    }
}
