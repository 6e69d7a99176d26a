package nl.adempauze.bedavailability.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.adempauze.bedavailability.domain.HoldStatus;
import nl.adempauze.bedavailability.domain.MidnightCensus;
import nl.adempauze.bedavailability.domain.RegionOccupancy;
import nl.adempauze.bedavailability.domain.RegionOccupancy.BedsNow;
import nl.adempauze.bedavailability.domain.RegionOccupancy.CareTypeOccupancy;
import nl.adempauze.bedavailability.domain.RegionOccupancy.LocationOccupancy;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.HoldReleased;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The coordinator's occupancy: beds published and holds taken through the real API and events, counted back per
 * care type and location; and who may read it.
 */
class OccupancyApiTest extends BedAvailabilityIntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    /** Free now; no other test uses this location. */
    private static final String FREE_NOW_LOCATION = "loc-emmen-het-angelslo";
    private static final String FREE_NOW_CARE_TYPE = "ELV_LAAG";
    /** On the calendar; the other tests use this location for another care type only. */
    private static final String CALENDAR_LOCATION = "loc-dalen-het-dalerhof";
    private static final String CALENDAR_CARE_TYPE = "WMO_LOGEER";

    @Test
    void aCoordinatorOfTheRegionAndAnAdminReadItEveryoneElseIsRefused() {
        ok(as(COORDINATOR).get().uri("/api/v1/regions/{region}/occupancy", REGION).exchange());
        ok(as(TestTokens.admin()).get().uri("/api/v1/regions/{region}/occupancy", REGION).exchange());

        for (String token : new String[] {READER, TestTokens.provider(providerOf(FREE_NOW_LOCATION)),
                TestTokens.coordinator("groningen")}) {
            refused(as(token).get().uri("/api/v1/regions/{region}/occupancy", REGION).exchange(), 403);
            refused(as(token).get().uri("/api/v1/regions/{region}/occupancy?from=not-a-date", REGION).exchange(),
                    403);
        }
        refused(as(READER).get().uri("/api/v1/regions/nowhere/occupancy").exchange(), 403);
        refused(as(TestTokens.admin()).get().uri("/api/v1/regions/nowhere/occupancy").exchange(), 404);
        web.get().uri("/api/v1/regions/{region}/occupancy", REGION).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*");
    }

    @Test
    void withoutDatesTheThirtyNightsUpToTodayForEveryCareTypeOfTheCatalogue() {
        RegionOccupancy report = occupancy(null, null);

        LocalDate today = clock.instant().atZone(Nights.ZONE).toLocalDate();
        assertThat(report.to()).as("today in Dutch time (or tomorrow, were midnight passed meanwhile)")
                .isIn(today, today.plusDays(1));
        assertThat(report.from()).isEqualTo(report.to().minusDays(29));
        assertThat(report.nights()).isEqualTo(30);
        assertThat(report.careTypes()).extracting(CareTypeOccupancy::careType).containsExactly("ELV_HOOG", "ELV_LAAG",
                "ELV_PALLIATIEF", "GRZ", "WLZ_CRISIS", "WLZ_LOGEER", "WMO_LOGEER");
        assertThat(report.careTypes()).allSatisfy(careType -> {
            assertThat(careType.takenBedNights()).isEqualTo(careType.locations().stream()
                    .mapToLong(LocationOccupancy::takenBedNights).sum());
            assertThat(careType.knownBedNights()).isEqualTo(careType.locations().stream()
                    .mapToLong(LocationOccupancy::knownBedNights).sum());
        });
    }

    @Test
    void aPeriodOutOfBoundsIs400NamingTheDate() {
        invalid("from=2026-05-02&to=2026-05-01", "from");
        invalid("to=2026-05-01&from=2025-04-29", "to");
        invalid("from=01-05-2026", "from");
        invalid("to=2026-02-30", "to");
    }

    @Test
    void onTheCalendarStaysTakeTheBedNightsPublishedAndAReleasedStayGaveItsNightBack() {
        LocalDate first = tonight().plusDays(300);
        publishNights(CALENDAR_LOCATION, CALENDAR_CARE_TYPE, first, first.plusDays(3), 2);
        String booked = newOfferId();
        String released = newOfferId();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS)) {
            producer().send(stayRequested(booked, CALENDAR_LOCATION, CALENDAR_CARE_TYPE, "PLANNED", first.plusDays(1),
                    2, false));
            producer().send(stayRequested(released, CALENDAR_LOCATION, CALENDAR_CARE_TYPE, "PLANNED", first, 1,
                    false));
            awaitOne(events, BedHeld.class, e -> e.offerId().equals(booked));
            awaitOne(events, BedHeld.class, e -> e.offerId().equals(released));
            producer().send(new OfferAccepted(booked, requestIdOf(booked), REGION, CALENDAR_LOCATION,
                    providerOf(CALENDAR_LOCATION), CALENDAR_CARE_TYPE, Instant.now().plusSeconds(3600),
                    Instant.now()));
            producer().send(new OfferDeclined(released, requestIdOf(released), REGION, CALENDAR_LOCATION,
                    providerOf(CALENDAR_LOCATION), CALENDAR_CARE_TYPE, "DATES_NOT_SUITABLE", Instant.now()));
            awaitOne(events, HoldReleased.class, e -> e.offerId().equals(released));
            await().atMost(WITHIN).until(() -> hold(booked).status() == HoldStatus.ACCEPTED);
        }

        assertThat(calendarAt(first, first.plusDays(3))).as("2 of 8 bed-nights, the booked stay's")
                .isEqualTo(new Counted(2, 8, 0.25));
        assertThat(calendarAt(first.plusDays(2), first.plusDays(5))).as("a period over the last published night")
                .isEqualTo(new Counted(1, 4, 0.25));
        assertThat(calendarAt(first.minusDays(3), first)).as("the released stay's night is free again")
                .isEqualTo(new Counted(0, 2, 0.0));
        assertThat(calendarAt(first.plusDays(4), first.plusDays(9))).as("nothing published")
                .isEqualTo(new Counted(0, 0, null));
        CareTypeOccupancy careType = careType(occupancy(first, first.plusDays(3)), CALENDAR_CARE_TYPE);
        assertThat(careType.plannedBooking()).isTrue();
        assertThat(careType.knownBedNights()).as("the sum over the locations (other tests publish far ahead too)")
                .isEqualTo(careType.locations().stream().mapToLong(LocationOccupancy::knownBedNights).sum())
                .isGreaterThanOrEqualTo(8);
    }

    @Test
    void freeNowBedsAreCountedAtMidnightHeldAndAdmittedAsTakenFreeAsKnown() {
        // a night whose midnight is still to come, then: 3 beds, one admitted, one held, one held and released
        LocalDate night = tonight().plusDays(1);
        publish(FREE_NOW_LOCATION, FREE_NOW_CARE_TYPE, 3);
        String admitted = newOfferId();
        String declined = newOfferId();
        String held = newOfferId();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS)) {
            producer().send(holdRequested(admitted, FREE_NOW_LOCATION, FREE_NOW_CARE_TYPE));
            awaitOne(events, BedHeld.class, e -> e.offerId().equals(admitted));
            producer().send(new OfferAccepted(admitted, requestIdOf(admitted), REGION, FREE_NOW_LOCATION,
                    providerOf(FREE_NOW_LOCATION), FREE_NOW_CARE_TYPE, Instant.now().plusSeconds(3600),
                    Instant.now()));
            await().atMost(WITHIN).until(() -> hold(admitted).status() == HoldStatus.ACCEPTED);
            admit(admitted, FREE_NOW_LOCATION).expectStatus().isOk();

            producer().send(holdRequested(declined, FREE_NOW_LOCATION, FREE_NOW_CARE_TYPE));
            awaitOne(events, BedHeld.class, e -> e.offerId().equals(declined));
            producer().send(new OfferDeclined(declined, requestIdOf(declined), REGION, FREE_NOW_LOCATION,
                    providerOf(FREE_NOW_LOCATION), FREE_NOW_CARE_TYPE, "NO_STAFF", Instant.now()));
            awaitOne(events, HoldReleased.class, e -> e.offerId().equals(declined));

            producer().send(holdRequested(held, FREE_NOW_LOCATION, FREE_NOW_CARE_TYPE));
            awaitOne(events, BedHeld.class, e -> e.offerId().equals(held));
        }

        assertThat(freeNowAt(night, night)).as("its midnight has not come").isEqualTo(new Counted(0, 0, null));
        try {
            clock.advance(Duration.between(clock.instant(), MidnightCensus.midnightOf(night)).plusHours(1));
            discharge(admitted, FREE_NOW_LOCATION).expectStatus().isOk();

            assertThat(freeNowAt(night, night)).as("at midnight one admitted, one held, one free")
                    .isEqualTo(new Counted(2, 3, 0.6667));
            assertThat(freeNowAt(night, night.plusDays(1))).as("the next midnight has not come")
                    .isEqualTo(new Counted(2, 3, 0.6667));
            LocationOccupancy location = location(careType(occupancy(night, night), FREE_NOW_CARE_TYPE),
                    FREE_NOW_LOCATION);
            assertThat(location.bedsNow()).as("after the discharge, one still held")
                    .isEqualTo(new BedsNow(3, 1, 2));
            assertThat(careType(occupancy(night, night), FREE_NOW_CARE_TYPE).plannedBooking()).isFalse();
        } finally {
            clock.reset();
        }
    }

    // --- helpers

    /** Taken and known bed-nights and the occupancy of one location. */
    private record Counted(long taken, long known, Double occupancy) {

        static Counted of(LocationOccupancy location) {
            return new Counted(location.takenBedNights(), location.knownBedNights(), location.occupancy());
        }
    }

    private Counted calendarAt(LocalDate from, LocalDate to) {
        return Counted.of(location(careType(occupancy(from, to), CALENDAR_CARE_TYPE), CALENDAR_LOCATION));
    }

    private Counted freeNowAt(LocalDate from, LocalDate to) {
        return Counted.of(location(careType(occupancy(from, to), FREE_NOW_CARE_TYPE), FREE_NOW_LOCATION));
    }

    private RegionOccupancy occupancy(LocalDate from, LocalDate to) {
        return as(COORDINATOR).get().uri(builder -> builder.path("/api/v1/regions/{region}/occupancy")
                        .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                        .queryParamIfPresent("to", java.util.Optional.ofNullable(to)).build(REGION))
                .exchange()
                .expectStatus().isOk()
                .expectBody(RegionOccupancy.class)
                .returnResult().getResponseBody();
    }

    private static CareTypeOccupancy careType(RegionOccupancy report, String careType) {
        return report.careTypes().stream().filter(type -> type.careType().equals(careType)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + careType + " in the occupancy"));
    }

    private static LocationOccupancy location(CareTypeOccupancy careType, String locationId) {
        return careType.locations().stream().filter(location -> location.locationId().equals(locationId))
                .findFirst().orElseThrow(() -> new AssertionError("No " + locationId + " under " + careType.careType()));
    }

    private void invalid(String query, String field) {
        as(COORDINATOR).get().uri("/api/v1/regions/" + REGION + "/occupancy?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private static void ok(WebTestClient.ResponseSpec response) {
        response.expectStatus().isOk().expectBody().jsonPath("$.region").isEqualTo(REGION);
    }

    private static void refused(WebTestClient.ResponseSpec response, int status) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status);
    }
}
