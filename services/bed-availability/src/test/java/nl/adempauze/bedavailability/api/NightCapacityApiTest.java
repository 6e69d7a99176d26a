package nl.adempauze.bedavailability.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.NightCapacityPublished;
import nl.adempauze.contracts.events.NightFigure;
import nl.adempauze.contracts.seed.RegionSeed;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/** Providers publish free beds per night in one call; coordinators read free nights per location. */
class NightCapacityApiTest extends BedAvailabilityIntegrationTest {

    private static final RegionSeed DRENTHE = RegionSeed.read(SEED);

    @Test
    void aRangePublishedInOneCallIsReadBackPerNightAndAnnouncedOnce() {
        String location = "loc-vledder-de-drentse-esch";
        String careType = "WMO_LOGEER"; // protection: half of the free beds, rounded up
        LocalDate first = tonight().plusDays(80);

        try (TopicRecorder capacity = recorder(EventCatalogue.CAPACITY)) {
            NightsView.Published published = putNights(location, careType, "{\"nights\":[{\"from\":\"" + first
                    + "\",\"to\":\"" + first.plusDays(2) + "\",\"freeBeds\":3},{\"from\":\"" + first.plusDays(4)
                    + "\",\"freeBeds\":1}]}")
                    .expectStatus().isOk()
                    .expectBody(NightsView.Published.class).returnResult().getResponseBody();

            assertThat(published.locationId()).isEqualTo(location);
            assertThat(published.careType()).isEqualTo(careType);
            assertThat(published.nights()).extracting(NightsView.Night::night)
                    .containsExactly(first, first.plusDays(1), first.plusDays(2), first.plusDays(4));
            assertThat(published.nights()).allSatisfy(night -> {
                assertThat(night.heldBeds()).isZero();
                assertThat(night.availableBeds()).isEqualTo(night.freeBeds());
                assertThat(night.stale()).isFalse();
                assertThat(night.version()).isEqualTo(1);
            });
            assertThat(published.nights()).extracting(NightsView.Night::freeBeds).containsExactly(3, 3, 3, 1);
            assertThat(published.nights()).extracting(NightsView.Night::protectedBeds).containsExactly(2, 2, 2, 1);

            NightsView view = nightsView(careType, first.minusDays(1), first.plusDays(5));
            assertThat(view.region()).isEqualTo(REGION);
            assertThat(view.careType()).isEqualTo(careType);
            assertThat(view.from()).isEqualTo(first.minusDays(1));
            assertThat(view.to()).isEqualTo(first.plusDays(5));
            NightsView.LocationNights shown = view.locations().stream()
                    .filter(candidate -> candidate.locationId().equals(location)).findFirst().orElseThrow();
            assertThat(shown.name()).isEqualTo("De Drentse Esch");
            assertThat(shown.municipality()).isEqualTo("Westerveld");
            assertThat(shown.open()).isTrue();
            assertThat(shown.nights()).as("nights never published are absent").isEqualTo(published.nights());
            assertThat(shown.freeNights()).isEqualTo(4);

            NightCapacityPublished event = awaitOne(capacity, NightCapacityPublished.class,
                    e -> e.locationId().equals(location) && e.careType().equals(careType));
            assertThat(event.region()).isEqualTo(REGION);
            assertThat(event.nights()).extracting(NightFigure::night)
                    .containsExactly(first, first.plusDays(1), first.plusDays(2), first.plusDays(4));
            assertThat(event.nights().get(0)).isEqualTo(new NightFigure(first, 3, 0, 3, 2,
                    event.nights().get(0).publishedAt()));
            assertThat(capacity.all()).filteredOn(seen -> seen.payload() == event).singleElement()
                    .satisfies(seen -> assertThat(seen.key()).isEqualTo(location + "/" + careType));
            assertAllConformToTheirSchema(capacity);
        }

        NightsView.Published again = publishNights(location, careType, first, first, 0);
        assertThat(again.nights()).singleElement().satisfies(night -> {
            assertThat(night.version()).as("republished").isEqualTo(2);
            assertThat(night.freeBeds()).isZero();
            assertThat(night.protectedBeds()).isZero();
        });
        assertThat(nightsAt(location, careType, first, first.plusDays(5)).freeNights())
                .as("a night without available beds is not a free night").isEqualTo(3);
    }

    @Test
    void everySeededLocationKeepsItsCalendarCareTypesForSixtyNightsFromTonight() {
        LocalDate tonight = tonight();
        for (String careType : List.of("WLZ_LOGEER", "WMO_LOGEER")) {
            Map<String, Integer> seeded = DRENTHE.locations().stream()
                    .filter(location -> location.capacity().containsKey(careType))
                    .collect(Collectors.toMap(RegionSeed.Location::id, location -> location.capacity().get(careType)));

            NightsView view = nightsView(careType, tonight.minusDays(1), tonight.plusDays(59));

            assertThat(view.locations()).extracting(NightsView.LocationNights::locationId)
                    .containsExactlyInAnyOrderElementsOf(seeded.keySet());
            String untouched = careType.equals("WLZ_LOGEER") ? "loc-vledder-de-drentse-esch"
                    : "loc-ruinerwold-de-olde-stee";
            NightsView.LocationNights location = view.locations().stream()
                    .filter(candidate -> candidate.locationId().equals(untouched)).findFirst().orElseThrow();
            // the seed ran moments ago: its tonight is this tonight (or, right after noon, the night before)
            assertThat(location.nights().size()).isBetween(59, 60);
            assertThat(location.nights().get(0).night()).isIn(tonight, tonight.minusDays(1));
            assertThat(location.nights()).extracting(NightsView.Night::freeBeds).containsOnly(seeded.get(untouched));
        }
    }

    @Test
    void theRegionAnnouncesCareTypesBookedPerNightWithTheirStayAndProtectionRulesAndItsFunders() {
        Region region = as(READER).get().uri("/api/v1/regions/{region}", REGION).exchange()
                .expectStatus().isOk()
                .expectBody(Region.class).returnResult().getResponseBody();

        Region.CareType wlz = region.careType("WLZ_LOGEER").orElseThrow();
        assertThat(wlz.plannedBooking()).isTrue();
        assertThat(wlz.maxStayNights()).isEqualTo(14);
        assertThat(wlz.protection().protectedBeds()).isEqualTo(1);
        assertThat(wlz.protection().releaseHorizon()).hasHours(48);
        assertThat(region.careType("WMO_LOGEER").orElseThrow().protection().protectedShare()).isEqualTo(0.5);
        assertThat(region.careType("ELV_HOOG").orElseThrow().plannedBooking()).isFalse();
        assertThat(region.careType("ELV_HOOG").orElseThrow().protection()).isNull();
        assertThat(region.funders()).hasSize(DRENTHE.funders().size());
        assertThat(region.funders()).filteredOn(funder -> funder.id().equals("gemeente-assen")).singleElement()
                .satisfies(funder -> {
                    assertThat(funder.fundingStream()).isEqualTo("WMO");
                    assertThat(funder.municipality()).isEqualTo("Assen");
                });
    }

    static Stream<Arguments> invalidPublications() {
        return Stream.of(
                Arguments.of("a night that has passed", "WMO_LOGEER", ranges("{\"from\":\"%s\",\"freeBeds\":1}", -1),
                        "nights[0].from"),
                Arguments.of("a night more than 366 days ahead", "WMO_LOGEER",
                        ranges("{\"from\":\"%s\",\"freeBeds\":1}", 367), "nights[0].from"),
                Arguments.of("a range ending more than 366 days ahead", "WMO_LOGEER",
                        ranges("{\"from\":\"%s\",\"to\":\"%s\",\"freeBeds\":1}", 200, 400), "nights[0].to"),
                Arguments.of("to before from", "WMO_LOGEER",
                        ranges("{\"from\":\"%s\",\"to\":\"%s\",\"freeBeds\":1}", 205, 204), "nights[0].to"),
                Arguments.of("overlapping ranges", "WMO_LOGEER",
                        ranges("{\"from\":\"%s\",\"to\":\"%s\",\"freeBeds\":1},{\"from\":\"%s\",\"freeBeds\":2}",
                                200, 203, 203), "nights[1]"),
                Arguments.of("free beds above 999", "WMO_LOGEER",
                        ranges("{\"from\":\"%s\",\"freeBeds\":1000}", 200), "nights[0].freeBeds"),
                Arguments.of("negative free beds in the second range", "WMO_LOGEER",
                        ranges("{\"from\":\"%s\",\"freeBeds\":1},{\"from\":\"%s\",\"freeBeds\":-1}", 200, 201),
                        "nights[1].freeBeds"),
                Arguments.of("free beds missing", "WMO_LOGEER", ranges("{\"from\":\"%s\"}", 200),
                        "nights[0].freeBeds"),
                Arguments.of("from missing", "WMO_LOGEER", "{\"nights\":[{\"freeBeds\":1}]}", "nights[0].from"),
                Arguments.of("from not a date", "WMO_LOGEER", "{\"nights\":[{\"from\":\"2026-13-01\",\"freeBeds\":1}]}",
                        "nights[0].from"),
                Arguments.of("an unknown field", "WMO_LOGEER",
                        ranges("{\"from\":\"%s\",\"freeBeds\":1,\"beds\":2}", 200), "nights[0].beds"),
                Arguments.of("no nights", "WMO_LOGEER", "{\"nights\":[]}", "nights"),
                Arguments.of("nights missing", "WMO_LOGEER", "{}", "nights"),
                Arguments.of("a care type outside the catalogue", "SPA_WEEKEND",
                        ranges("{\"from\":\"%s\",\"freeBeds\":1}", 200), "careType"),
                Arguments.of("a care type not booked per night", "ELV_LAAG",
                        ranges("{\"from\":\"%s\",\"freeBeds\":1}", 200), "careType"));
    }

    /** A nights body whose dates are {@code days} nights from tonight (a placeholder per date). */
    private static String ranges(String template, int... days) {
        LocalDate tonight = nl.adempauze.contracts.Nights.nightOf(java.time.Instant.now());
        Object[] dates = java.util.Arrays.stream(days).mapToObj(tonight::plusDays).toArray();
        return "{\"nights\":[" + String.format(template, dates) + "]}";
    }

    @ParameterizedTest(name = "{0} is refused naming {3} and changes nothing")
    @MethodSource("invalidPublications")
    void badNightsAreRefusedWithAProblemNamingTheFieldAndChangeNothing(String why, String careType, String body,
                                                                       String field) {
        String location = "loc-diever-heidehof";
        LocalDate tonight = tonight();
        NightsView.LocationNights before = nightsAt(location, "WMO_LOGEER", tonight, tonight.plusDays(366));

        putNights(location, careType, body)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").exists()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").exists();

        assertThat(nightsAt(location, "WMO_LOGEER", tonight, tonight.plusDays(366))).isEqualTo(before);
    }

    @Test
    void publishingNightsAtAnUnknownLocationIsNotFound() {
        putNights("loc-nowhere", "WMO_LOGEER", ranges("{\"from\":\"%s\",\"freeBeds\":1}", 200))
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void freeNowPublicationOfACareTypeBookedPerNightIsRefusedOnCareTypePointingToTheNights() {
        String location = "loc-borger-de-hunebedhof";
        LocalDate tonight = tonight();
        NightsView.LocationNights before = nightsAt(location, "WMO_LOGEER", tonight, tonight.plusDays(10));

        putCapacity(location, "WMO_LOGEER", "{\"freeBeds\":4}")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("careType")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("per night").contains("/api/v1/locations/" + location + "/capacity/WMO_LOGEER/nights"));

        assertThat(locationView(location).careTypes()).extracting(CapacityView.CareTypeCapacity::careType)
                .doesNotContain("WMO_LOGEER");
        assertThat(nightsAt(location, "WMO_LOGEER", tonight, tonight.plusDays(10))).isEqualTo(before);
    }

    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                Arguments.of("careType missing", "?from=2026-12-01&to=2026-12-07", "careType"),
                Arguments.of("from missing", "?careType=WMO_LOGEER&to=2026-12-07", "from"),
                Arguments.of("to missing", "?careType=WMO_LOGEER&from=2026-12-01", "to"),
                Arguments.of("from not a date", "?careType=WMO_LOGEER&from=tomorrow&to=2026-12-07", "from"),
                Arguments.of("to before from", "?careType=WMO_LOGEER&from=2026-12-07&to=2026-12-01", "to"),
                Arguments.of("more than 366 days", "?careType=WMO_LOGEER&from=2026-12-01&to=2027-12-03", "to"),
                Arguments.of("a care type not booked per night", "?careType=ELV_HOOG&from=2026-12-01&to=2026-12-07",
                        "careType"),
                Arguments.of("a care type outside the catalogue", "?careType=SPA&from=2026-12-01&to=2026-12-07",
                        "careType"));
    }

    @ParameterizedTest(name = "{0} is refused naming {2}")
    @MethodSource("invalidQueries")
    void badNightViewQueriesAreRefusedNamingTheParameter(String why, String query, String field) {
        as(READER).get().uri("/api/v1/regions/" + REGION + "/capacity/nights" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void theNightViewOfAnUnknownRegionIsNotFound() {
        as(READER).get().uri("/api/v1/regions/atlantis/capacity/nights?careType=WMO_LOGEER&from=2026-12-01&to=2026-12-07")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
