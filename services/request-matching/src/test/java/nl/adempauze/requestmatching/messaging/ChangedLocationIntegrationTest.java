package nl.adempauze.requestmatching.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A region's administrator changed a location: bed-availability announces it again, whole, as LocationRegistered,
 * and matching's replica takes the new details over, its features and contracts replacing the old ones (not added
 * to them), so the next request is ranked by what the location offers now.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = {"spring.config.name=request-matching"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class ChangedLocationIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Test
    void aLocationAnnouncedAgainReplacesItsDetailsFeaturesAndContracts() {
        String location = new MatchingApi(web, db).regionWithOneLocation("loc-changed-", "ELV_LAAG", 1);
        assertThat(features(location)).containsExactly("DEMENTIA");

        TestEventProducer.shared().send(new LocationRegistered(location, "drenthe", "provider-" + location,
                "Zorggroep Nieuw", "Huize Nieuw", new Address("Nieuwe Weg 1", "9402 AB", "Assen"), "Assen", 52.99,
                6.55, List.of("BARIATRIC", "OXYGEN"), List.of("ELV_LAAG"),
                List.of(new FunderContract("cz", List.of("ELV_LAAG"))), true, null, Instant.now()));

        await().atMost(MatchingApi.TIMEOUT).until(() -> features(location), found -> found.contains("OXYGEN"));
        assertThat(features(location)).containsExactly("BARIATRIC", "OXYGEN");
        assertThat(db.sql("SELECT name || ' / ' || street FROM location_replica WHERE id = :id").bind("id", location)
                .map(row -> row.get(0, String.class)).one().block()).isEqualTo("Huize Nieuw / Nieuwe Weg 1");
        assertThat(db.sql("SELECT funder FROM location_contract_replica WHERE location_id = :id ORDER BY funder")
                .bind("id", location).map(row -> row.get(0, String.class)).all().collectList().block())
                .containsExactly("cz");
    }

    private List<String> features(String location) {
        return db.sql("SELECT features FROM location_replica WHERE id = :id").bind("id", location)
                .map(row -> List.of(row.get(0, String[].class))).one().block().stream().sorted().toList();
    }
}
