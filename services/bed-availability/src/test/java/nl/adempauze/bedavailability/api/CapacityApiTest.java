package nl.adempauze.bedavailability.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.seed.RegionSeed;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

class CapacityApiTest extends BedAvailabilityIntegrationTest {

    private static final RegionSeed DRENTHE = RegionSeed.read(SEED);

    @Test
    void regionViewShowsEverySeededLocationWithItsCareTypesAndFreshFigures() {
        CapacityView view = regionView(null);

        assertThat(view.region()).isEqualTo(REGION);
        assertThat(view.freshnessWindowMinutes()).isEqualTo(DRENTHE.region().freshnessWindowMinutes());
        assertThat(view.locations()).hasSize(25);
        assertThat(view.locations()).extracting(CapacityView.LocationCapacity::locationId)
                .containsExactlyInAnyOrderElementsOf(DRENTHE.locations().stream().map(RegionSeed.Location::id).toList());
        Set<String> perNight = DRENTHE.careTypes().stream().filter(RegionSeed.CareType::plannedBooking)
                .map(RegionSeed.CareType::code).collect(Collectors.toSet());
        for (RegionSeed.Location seeded : DRENTHE.locations()) {
            CapacityView.LocationCapacity shown = view.locations().stream()
                    .filter(location -> location.locationId().equals(seeded.id())).findFirst().orElseThrow();
            assertThat(shown.name()).isEqualTo(seeded.name());
            assertThat(shown.careTypes()).extracting(CapacityView.CareTypeCapacity::careType)
                    .as("free-now care types of %s", seeded.id())
                    .containsExactlyInAnyOrderElementsOf(seeded.capacity().keySet().stream()
                            .filter(careType -> !perNight.contains(careType)).toList());
            assertThat(shown.careTypes()).allSatisfy(figure -> {
                assertThat(figure.stale()).as("%s %s stale", seeded.id(), figure.careType()).isFalse();
                assertThat(figure.availableBeds()).isEqualTo(figure.freeBeds() - figure.heldBeds());
                assertThat(figure.publishedAt()).isNotNull();
            });
        }
    }

    @Test
    void careTypeFilterShowsOnlyLocationsOfferingThatCareType() {
        Set<String> seededWithElvHoog = DRENTHE.locations().stream()
                .filter(location -> location.capacity().containsKey("ELV_HOOG"))
                .map(RegionSeed.Location::id).collect(Collectors.toSet());

        CapacityView view = regionView("ELV_HOOG");

        assertThat(view.locations()).extracting(CapacityView.LocationCapacity::locationId)
                .containsExactlyInAnyOrderElementsOf(seededWithElvHoog);
        assertThat(view.locations()).allSatisfy(location -> assertThat(location.careTypes())
                .extracting(CapacityView.CareTypeCapacity::careType).containsExactly("ELV_HOOG"));
    }

    @Test
    void publishingFreeBedsBumpsTheVersionAndAnnouncesCapacityPublished() {
        String location = "loc-assen-de-hoogte";
        CapacityView.CareTypeCapacity before = capacityOf(location, "ELV_LAAG");

        try (TopicRecorder capacity = recorder(EventCatalogue.CAPACITY)) {
            CapacityView.CareTypeCapacity after = publish(location, "ELV_LAAG", 3);

            assertThat(after.freeBeds()).isEqualTo(3);
            assertThat(after.heldBeds()).isZero();
            assertThat(after.availableBeds()).isEqualTo(3);
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(after.stale()).isFalse();
            assertThat(capacityOf(location, "ELV_LAAG")).isEqualTo(after);

            CapacityPublished published = await().atMost(Duration.ofSeconds(10)).until(
                    () -> capacity.payloads(CapacityPublished.class, event -> event.locationId().equals(location)
                            && event.careType().equals("ELV_LAAG") && event.version() == after.version()),
                    events -> !events.isEmpty()).get(0);
            assertThat(published.region()).isEqualTo(REGION);
            assertThat(published.freeBeds()).isEqualTo(3);
            assertThat(published.availableBeds()).isEqualTo(3);
            assertThat(capacity.all()).filteredOn(seen -> seen.payload() == published).singleElement()
                    .satisfies(seen -> assertThat(seen.key()).as("keyed per location and care type")
                            .isEqualTo(location + "/ELV_LAAG"));
            assertAllConformToTheirSchema(capacity);
        }
    }

    static Stream<Arguments> invalidPublications() {
        return Stream.of(
                Arguments.of("negative free beds", "ELV_HOOG", "{\"freeBeds\":-1}", "freeBeds"),
                Arguments.of("free beds missing", "ELV_HOOG", "{}", "freeBeds"),
                Arguments.of("free beds not a number", "ELV_HOOG", "{\"freeBeds\":\"two\"}", "freeBeds"),
                Arguments.of("unknown field", "ELV_HOOG", "{\"freeBeds\":3,\"beds\":4}", "beds"),
                Arguments.of("care type not in the region's catalogue", "SPA_WEEKEND", "{\"freeBeds\":3}", "careType"));
    }

    @ParameterizedTest(name = "{0} is refused naming {3} and changes nothing")
    @MethodSource("invalidPublications")
    void invalidPublicationIsRefusedWithAProblemNamingTheFieldAndChangesNothing(String why, String careType,
                                                                                  String body, String field) {
        String location = "loc-vries-vrieserhof";
        CapacityView.LocationCapacity before = locationView(location);

        putCapacity(location, careType, body)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").exists()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").exists();

        assertThat(locationView(location).careTypes()).isEqualTo(before.careTypes());
    }

    @Test
    void publishingForAnUnknownLocationIsNotFound() {
        putCapacity("loc-nowhere", "ELV_HOOG", "{\"freeBeds\":1}")
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("loc-nowhere"));
    }

    @Test
    void unknownRegionIsNotFound() {
        as(READER).get().uri("/api/v1/regions/atlantis/capacity").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void closingALocationWithoutAReasonCodeIsRefusedAndLeavesItOpen() {
        String location = "loc-norg-de-brinkstede";

        putStatus(location, "{\"open\":false}")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        // words are not taken (they could name a patient, and nothing here could purge them): codes only
        putStatus(location, "{\"open\":false,\"reason\":\"Norovirus bij mevrouw Jansen\"}")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");

        assertThat(locationView(location).open()).isTrue();
    }

    @Test
    void figureTurnsStaleWhenTheFreshnessWindowPassesAndFreshAgainWhenRepublished() {
        String location = "loc-coevorden-vechtoever";
        publish(location, "ELV_HOOG", 2);
        try {
            clock.advance(Duration.ofMinutes(DRENTHE.region().freshnessWindowMinutes()).plusMinutes(1));

            assertThat(capacityOf(location, "ELV_HOOG").stale()).isTrue();

            CapacityView.CareTypeCapacity republished = publish(location, "ELV_HOOG", 2);
            assertThat(republished.stale()).isFalse();
            assertThat(capacityOf(location, "ELV_HOOG").stale()).isFalse();
            assertThat(capacityOf(location, "ELV_LAAG").stale())
                    .as("the other care type was not republished").isTrue();
        } finally {
            clock.reset();
        }
    }
}
