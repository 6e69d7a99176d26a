package nl.adempauze.bedavailability.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.bedavailability.domain.HoldStatus;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A region's administrator at work on the real service: locations added, changed, opened and closed, a care type's
 * rules tuned; each change checked (400 naming the field, nothing kept), audited, announced, and kept over a restart
 * (the seed is only the first load). Works in region Salland (a copy of Twente's seed, loaded here), so the regions
 * the other tests share are not changed.
 */
class AdministrationApiTest extends BedAvailabilityIntegrationTest {

    /** A copy of Twente's seed as region Salland, for this test alone. */
    private static final String SALLAND = "salland";
    private static final String SALLAND_SEED = "classpath:seeds/salland.json";
    private static final String ADMIN = TestTokens.token("admin@salland", List.of("ADMIN"), "beheer", List.of(SALLAND));
    private static final String ADMIN_ELSEWHERE = TestTokens.token("admin@groningen", List.of("ADMIN"), "beheer",
            List.of("groningen"));

    @Autowired
    RegionRepository regions;

    @Autowired
    LocationRepository locations;

    @BeforeEach
    void salland() {
        startWithSeedFiles(SALLAND_SEED);
    }

    private static Map<String, Object> details(List<String> features) {
        return Map.of("providerId", "zorggroep-twentse-hof", "providerName", "Zorggroep Twentse Hof",
                "name", "De Nieuwe Es", "address", Map.of("street", "Esweg 2", "postcode", "7551 AA", "city", "Hengelo"),
                "municipality", "Hengelo", "latitude", 52.265, "longitude", 6.793, "features", features,
                "contracts", List.of(Map.of("funder", "menzis", "careTypes", List.of("ELV_HOOG"))));
    }

    private WebTestClient.ResponseSpec addLocation(String token, String id, Map<String, Object> details) {
        return as(token).post().uri("/api/v1/admin/regions/{region}/locations", SALLAND)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", id, "details", details, "beds", Map.of("ELV_HOOG", 2)))
                .exchange();
    }

    private static String newLocationId() {
        return "loc-hengelo-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aNewLocationIsKeptAuditedAndAnnouncedWithItsBedsAndItsChangedFeaturesReplaceTheOld() {
        String id = newLocationId();
        try (TopicRecorder recorder = recorder(EventCatalogue.LOCATIONS, EventCatalogue.CAPACITY)) {
            addLocation(ADMIN, id, details(List.of("DEMENTIA"))).expectStatus().isCreated()
                    .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.open").isEqualTo(true);

            LocationRegistered registered = awaitOne(recorder, LocationRegistered.class,
                    event -> event.locationId().equals(id));
            assertThat(registered.features()).containsExactly("DEMENTIA");
            assertThat(registered.contracts()).singleElement()
                    .satisfies(contract -> assertThat(contract.funder()).isEqualTo("menzis"));
            assertThat(awaitOne(recorder, CapacityPublished.class, event -> event.locationId().equals(id))
                    .freeBeds()).isEqualTo(2);

            as(ADMIN).put().uri("/api/v1/admin/locations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(details(List.of("OXYGEN", "DEMENTIA"))).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.features[0]").isEqualTo("DEMENTIA")
                    .jsonPath("$.features[1]").isEqualTo("OXYGEN");
            List<LocationRegistered> announcements = org.awaitility.Awaitility.await().until(
                    () -> recorder.payloads(LocationRegistered.class, event -> event.locationId().equals(id)),
                    found -> found.size() == 2);
            assertThat(announcements.get(1).features()).containsExactly("DEMENTIA", "OXYGEN");
            assertThat(announcements.get(1).careTypes()).containsExactly("ELV_HOOG");
            assertAllConformToTheirSchema(recorder);
        }
        assertThat(locations.find(id).block().features()).containsExactly("DEMENTIA", "OXYGEN");
        assertThat(changes()).extracting(change -> change.get("action") + " " + change.get("target"))
                .contains("LOCATION_ADDED " + id, "LOCATION_CHANGED " + id);
        assertThat(changes()).first().satisfies(change -> assertThat(change.get("subject")).isEqualTo("admin@salland"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndKeepsNothing() {
        String id = newLocationId();
        Map<String, Object> unknownMunicipality = new java.util.HashMap<>(details(List.of()));
        unknownMunicipality.put("municipality", "Assen");
        addLocation(ADMIN, id, unknownMunicipality).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("details.municipality");
        Map<String, Object> badPostcode = new java.util.HashMap<>(details(List.of()));
        badPostcode.put("address", Map.of("street", "Esweg 2", "postcode", "hallo", "city", "Hengelo"));
        addLocation(ADMIN, id, badPostcode).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("details.address.postcode");
        Map<String, Object> unknownFunder = new java.util.HashMap<>(details(List.of()));
        unknownFunder.put("contracts", List.of(Map.of("funder", "cz", "careTypes", List.of("ELV_HOOG"))));
        addLocation(ADMIN, id, unknownFunder).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("details.contracts[0].funder");
        assertThat(locations.find(id).blockOptional()).isEmpty();

        as(ADMIN).put().uri("/api/v1/admin/regions/{region}/care-types/ELV_HOOG", SALLAND)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(careType(0, 1440, 24, null)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("crisisResponseMinutes");
        assertThat(regions.find(SALLAND).block().careType("ELV_HOOG").orElseThrow().crisisResponse().toMinutes())
                .isPositive();
    }

    @Test
    void onlyAnAdministratorOfTheRegionChangesItAndARefusalChangesNothing() {
        String id = newLocationId();
        for (String token : List.of(ADMIN_ELSEWHERE, TestTokens.admin(), TestTokens.coordinator(SALLAND),
                TestTokens.provider("zorggroep-twentse-hof"), READER)) {
            addLocation(token, id, details(List.of())).expectStatus().isForbidden();
            as(token).put().uri("/api/v1/admin/locations/{id}", "loc-salland-enschede-het-twentse-hof")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(details(List.of())).exchange()
                    .expectStatus().isForbidden();
            as(token).put().uri("/api/v1/admin/regions/{region}/care-types/ELV_HOOG", SALLAND)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(careType(5, 1440, 24, null)).exchange()
                    .expectStatus().isForbidden();
            as(token).get().uri("/api/v1/admin/regions/{region}/changes", SALLAND).exchange()
                    .expectStatus().isForbidden();
        }
        assertThat(locations.find(id).blockOptional()).isEmpty();
        assertThat(regions.find(SALLAND).block().careType("ELV_HOOG").orElseThrow().crisisResponse().toMinutes())
                .isNotEqualTo(5);
    }

    @Test
    void closingALocationWithAnOpenHoldIsRefusedWithTheReasonAndOpensAndClosesOtherwise() {
        String id = newLocationId();
        addLocation(ADMIN, id, details(List.of())).expectStatus().isCreated();
        String offerId = newOfferId();
        producer().send(new nl.adempauze.contracts.events.HoldRequested(offerId, requestIdOf(offerId), SALLAND, id,
                "ELV_HOOG", "CRISIS", null, null, false, java.time.Instant.now()));
        org.awaitility.Awaitility.await().untilAsserted(
                () -> assertThat(as(TestTokens.coordinator(SALLAND)).get().uri("/api/v1/holds/{offer}", offerId)
                        .exchange().expectStatus().isOk().expectBody(nl.adempauze.bedavailability.domain.Hold.class)
                        .returnResult().getResponseBody().status()).isEqualTo(HoldStatus.HELD));

        as(ADMIN).put().uri("/api/v1/admin/locations/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("open", false, "reason", "RENOVATION")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1 open hold"));
        assertThat(locations.find(id).block().open()).isTrue();

        producer().send(new nl.adempauze.contracts.events.OfferWithdrawn(offerId, requestIdOf(offerId), SALLAND, id,
                "zorggroep-twentse-hof", "ELV_HOOG", "REQUEST_CANCELLED", java.time.Instant.now()));
        try (TopicRecorder recorder = recorder(EventCatalogue.LOCATIONS)) {
            org.awaitility.Awaitility.await().untilAsserted(() -> as(ADMIN).put()
                    .uri("/api/v1/admin/locations/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("open", false, "reason", "RENOVATION")).exchange().expectStatus().isOk());
            assertThat(awaitOne(recorder, LocationStatusChanged.class, event -> event.locationId().equals(id)).open())
                    .isFalse();
        }
        as(ADMIN).put().uri("/api/v1/admin/locations/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("open", false)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    @Test
    void aCareTypesRulesAndAnAddedLocationSurviveARestartThatLoadsTheSeedAgain() {
        String id = newLocationId();
        addLocation(ADMIN, id, details(List.of("ISOLATION"))).expectStatus().isCreated();
        try (TopicRecorder recorder = recorder(EventCatalogue.LOCATIONS)) {
            as(ADMIN).put().uri("/api/v1/admin/regions/{region}/care-types/WMO_LOGEER", SALLAND)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(careType(45, 720, 12, Map.of("protectedBeds", 1, "releaseHorizonHours", 24)))
                    .exchange().expectStatus().isOk();
            RegionConfigured announced = awaitOne(recorder, RegionConfigured.class,
                    event -> event.region().equals(SALLAND));
            assertThat(announced.careTypes()).filteredOn(type -> type.code().equals("WMO_LOGEER")).singleElement()
                    .satisfies(type -> {
                        assertThat(type.crisisResponseMinutes()).isEqualTo(45);
                        assertThat(type.protection().protectedBeds()).isEqualTo(1);
                    });
        }
        as(ADMIN).put().uri("/api/v1/admin/regions/{region}/settings", SALLAND).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Salland", "freshnessWindowMinutes", 240)).exchange().expectStatus().isOk();
        as(ADMIN).put().uri("/api/v1/admin/locations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(details(List.of("OXYGEN"))).exchange().expectStatus().isOk();

        startWithSeedFiles(SALLAND_SEED);

        Region salland = regions.find(SALLAND).block();
        Region.CareType logeer = salland.careType("WMO_LOGEER").orElseThrow();
        assertThat(logeer.crisisResponse().toMinutes()).as("the administrator's, not the seed's 30").isEqualTo(45);
        assertThat(logeer.admissionDeadline().toHours()).isEqualTo(12);
        assertThat(logeer.protection().protectedBeds()).isEqualTo(1);
        assertThat(salland.freshnessWindow().toMinutes()).isEqualTo(240);
        Location kept = locations.find(id).block();
        assertThat(kept.features()).containsExactly("OXYGEN");
    }

    private static Map<String, Object> careType(int crisisMinutes, int plannedMinutes, int admissionHours,
                                                Map<String, Object> protection) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Logeeropvang", "fundingStream", "WMO",
                "defaultUrgency", "PLANNED", "crisisResponseMinutes", crisisMinutes,
                "plannedResponseMinutes", plannedMinutes, "admissionDeadlineHours", admissionHours,
                "plannedBooking", protection != null, "minStayNights", 1, "maxStayNights", 14));
        if (protection != null) {
            body.put("protection", protection);
        } else {
            body.put("fundingStream", "ZVW");
            body.put("defaultUrgency", "CRISIS");
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> changes() {
        return as(ADMIN).get().uri("/api/v1/admin/regions/{region}/changes", SALLAND).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }
}
