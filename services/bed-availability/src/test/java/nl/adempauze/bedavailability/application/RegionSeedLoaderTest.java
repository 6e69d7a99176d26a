package nl.adempauze.bedavailability.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.adempauze.bedavailability.api.CapacityView;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.bedavailability.domain.RegionSummary;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.contracts.events.TriageTable;
import nl.adempauze.contracts.seed.RegionSeed;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Several regions from several seed files ({@code adempauze.seed.file} as a comma-separated list), one region per
 * file, on the real database: each file's region is configured and its locations registered with their seeded beds;
 * loading again (a restart) registers nothing twice and leaves what providers published since alone. The shared
 * context itself was started with the single Drenthe file, as before.
 */
class RegionSeedLoaderTest extends BedAvailabilityIntegrationTest {

    private static final String TWENTE_SEED = "classpath:seeds/twente.json";
    private static final RegionSeed DRENTHE = RegionSeed.read(SEED);
    private static final String TWENTE_ELV = "loc-enschede-het-twentse-hof";
    private static final String TWENTE_LOGEERHUIS = "loc-hengelo-logeerhuis-de-es";

    @Autowired
    RegionRepository regions;

    @Autowired
    LocationRepository locations;

    @Test
    void aCommaSeparatedListIsReadAsSeveralFilesAndOneFileAsOne() {
        assertThat(RegionSeedLoader.seedFiles(SEED)).containsExactly(SEED);
        assertThat(RegionSeedLoader.seedFiles(SEED + ", " + TWENTE_SEED + " ,")).containsExactly(SEED, TWENTE_SEED);
        assertThat(RegionSeedLoader.seedFiles("")).isEmpty();
        assertThat(RegionSeedLoader.seedFiles(" ")).isEmpty();
    }

    @Test
    void everySeedFileConfiguresItsRegionAndRegistersItsLocationsAndAgainOnARestartLeavesThemAlone() {
        startWithSeedFiles(SEED + "," + TWENTE_SEED);

        assertThat(regions.summaries().map(RegionSummary::id).collectList().block())
                .contains("drenthe", "twente");
        assertThat(locationIdsIn("drenthe"))
                .containsExactlyInAnyOrderElementsOf(DRENTHE.locations().stream().map(RegionSeed.Location::id).toList());
        assertThat(locationIdsIn("twente")).containsExactlyInAnyOrder(TWENTE_ELV, TWENTE_LOGEERHUIS);
        assertThat(regions.find("twente").block().careTypes()).extracting(Region.CareType::code)
                .containsExactlyInAnyOrder("ELV_HOOG", "WMO_LOGEER");
        // the seeded beds: free now, and per night for the care type on the calendar
        assertThat(freeBedsNow("twente", TWENTE_ELV, "ELV_HOOG")).isEqualTo(3);
        LocalDate tonight = tonight();
        assertThat(as(READER).get().uri("/api/v1/regions/twente/capacity/nights?careType=WMO_LOGEER&from={from}"
                        + "&to={to}", tonight, tonight.plusDays(6)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .contains(TWENTE_LOGEERHUIS);

        // a restart: the provider has published since; nothing is registered twice, nothing published is undone
        publish(TWENTE_ELV, "ELV_HOOG", 1);
        startWithSeedFiles(SEED + "," + TWENTE_SEED);

        assertThat(locationIdsIn("twente")).containsExactlyInAnyOrder(TWENTE_ELV, TWENTE_LOGEERHUIS);
        assertThat(freeBedsNow("twente", TWENTE_ELV, "ELV_HOOG")).as("published by the provider, not the seed's 3")
                .isEqualTo(1);
        assertThat(locationIdsIn("drenthe")).hasSize(DRENTHE.locations().size());
    }

    @Test
    void theRegionsNeighboursAndTriageTableAreKeptAndAnnouncedAsTheSeedHasThem() {
        try (TopicRecorder recorder = recorder(EventCatalogue.LOCATIONS)) {
            startWithSeedFiles(SEED);

            Region drenthe = regions.find("drenthe").block();
            assertThat(drenthe.neighbours()).containsExactly(new Region.Neighbour("groningen", true));
            assertThat(drenthe.triage()).isEqualTo(DRENTHE.triage());
            assertThat(drenthe.triage().questions()).extracting(TriageTable.Question::code)
                    .contains("HOSPITAL_CARE", "WAKEFUL_EYE", "CARE_TAKEOVER", "WLZ_INDICATION");
            RegionConfigured announced = awaitOne(recorder, RegionConfigured.class,
                    event -> event.region().equals("drenthe"));
            assertThat(announced.neighbours())
                    .containsExactly(new RegionConfigured.NeighbourDefinition("groningen", true));
            assertThat(announced.triage()).isEqualTo(DRENTHE.triage());
            assertAllConformToTheirSchema(recorder);
        }
        // twente's seed has neither: no neighbours, no triage
        startWithSeedFiles(TWENTE_SEED);
        assertThat(regions.find("twente").block().neighbours()).isEmpty();
        assertThat(regions.find("twente").block().triage()).isNull();
    }

    @Test
    void aRegionInTwoFilesStopsTheStart() {
        assertThatThrownBy(() -> startWithSeedFiles(TWENTE_SEED + "," + TWENTE_SEED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("twente");
    }

    private List<String> locationIdsIn(String region) {
        return locations.inRegion(region).map(Location::id).collectList().block();
    }

    private int freeBedsNow(String region, String locationId, String careType) {
        CapacityView view = as(READER).get().uri("/api/v1/regions/{region}/capacity?careType={careType}", region,
                        careType)
                .exchange().expectStatus().isOk().expectBody(CapacityView.class).returnResult().getResponseBody();
        return view.locations().stream().filter(location -> location.locationId().equals(locationId))
                .flatMap(location -> location.careTypes().stream())
                .filter(figure -> figure.careType().equals(careType))
                .findFirst().orElseThrow(() -> new AssertionError(careType + " at " + locationId + " not shown"))
                .freeBeds();
    }
}
