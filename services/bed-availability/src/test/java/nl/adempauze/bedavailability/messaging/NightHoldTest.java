package nl.adempauze.bedavailability.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.adempauze.bedavailability.api.NightsView;
import nl.adempauze.bedavailability.domain.Hold;
import nl.adempauze.bedavailability.application.HoldService;
import nl.adempauze.bedavailability.domain.HoldStatus;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.BedHoldRefused;
import nl.adempauze.contracts.events.HoldReleased;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.NightCapacityAdjusted;
import nl.adempauze.contracts.events.NightFigure;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.PatientDischarged;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Stays on the calendar: all nights or none, under the protection rule, given back exactly on release. */
class NightHoldTest extends BedAvailabilityIntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final int STAYS = 8;

    @Autowired
    private HoldService holds;

    @Autowired
    private TransactionalOperator tx;

    @Test
    void aPlannedThreeNightStayTakesABedOnEachNightAndItsReleaseGivesThemBack() {
        String location = "loc-hoogeveen-logeerhuis-het-anker";
        String careType = "WLZ_LOGEER"; // one protected bed per night
        LocalDate first = tonight().plusDays(90);
        publishNights(location, careType, first.minusDays(1), first.plusDays(3), 2);
        String offer = newOfferId();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS, EventCatalogue.CAPACITY)) {
            producer().send(stayRequested(offer, location, careType, "PLANNED", first, 3, false));

            BedHeld held = awaitOne(events, BedHeld.class, e -> e.offerId().equals(offer));
            assertThat(held.firstNight()).isEqualTo(first);
            assertThat(held.nights()).isEqualTo(3);
            assertThat(held.protectedNightsReleased()).isZero();
            assertThat(held.protectedNightsOverridden()).isZero();
            NightCapacityAdjusted afterHold = awaitOne(events, NightCapacityAdjusted.class,
                    e -> e.locationId().equals(location) && e.cause().equals("HOLD"));
            assertThat(afterHold.region()).isEqualTo(REGION);
            assertThat(afterHold.careType()).isEqualTo(careType);
            assertThat(afterHold.nights()).extracting(NightFigure::night)
                    .containsExactly(first, first.plusDays(1), first.plusDays(2));
            assertThat(afterHold.nights()).allSatisfy(night -> {
                assertThat(night.freeBeds()).isEqualTo(2);
                assertThat(night.heldBeds()).isEqualTo(1);
                assertThat(night.availableBeds()).isEqualTo(1);
                assertThat(night.protectedBeds()).as("the planned stay claimed the protected bed").isZero();
            });

            assertThat(heldPerNight(location, careType, first.minusDays(1), first.plusDays(3)))
                    .containsExactly(0, 1, 1, 1, 0);
            Hold hold = hold(offer);
            assertThat(hold.status()).isEqualTo(HoldStatus.HELD);
            assertThat(hold.urgency()).isEqualTo("PLANNED");
            assertThat(hold.firstNight()).isEqualTo(first);
            assertThat(hold.nights()).isEqualTo(3);

            // asked again for the same offer (a redelivery or a repeat): nothing changes
            producer().send(stayRequested(offer, location, careType, "PLANNED", first, 3, false));
            awaitOffersConsumed();
            assertThat(events.payloads(BedHeld.class, e -> e.offerId().equals(offer))).hasSize(1);
            assertThat(heldPerNight(location, careType, first.minusDays(1), first.plusDays(3)))
                    .containsExactly(0, 1, 1, 1, 0);

            // a night may not be published below the beds held on it
            putNights(location, careType, "{\"nights\":[{\"from\":\"" + first.plusDays(3) + "\",\"freeBeds\":0},"
                    + "{\"from\":\"" + first.plusDays(1) + "\",\"freeBeds\":0}]}")
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("nights[1].freeBeds");
            assertThat(nightsAt(location, careType, first.plusDays(3), first.plusDays(3)).nights())
                    .extracting(NightsView.Night::freeBeds).as("the valid range did not change either")
                    .containsExactly(2);

            producer().send(new OfferDeclined(offer, requestIdOf(offer), REGION, location, "provider-x", careType,
                    "NO_STAFF", Instant.now()));

            assertThat(awaitOne(events, HoldReleased.class, e -> e.offerId().equals(offer)).reason())
                    .isEqualTo("OFFER_DECLINED");
            NightCapacityAdjusted afterRelease = awaitOne(events, NightCapacityAdjusted.class,
                    e -> e.locationId().equals(location) && e.cause().equals("RELEASE"));
            assertThat(afterRelease.nights()).extracting(NightFigure::night)
                    .containsExactly(first, first.plusDays(1), first.plusDays(2));
            assertThat(afterRelease.nights()).allSatisfy(night -> {
                assertThat(night.heldBeds()).isZero();
                assertThat(night.availableBeds()).isEqualTo(2);
                assertThat(night.protectedBeds()).isEqualTo(1);
            });
            assertThat(heldPerNight(location, careType, first.minusDays(1), first.plusDays(3)))
                    .containsExactly(0, 0, 0, 0, 0);
            assertThat(hold(offer).status()).isEqualTo(HoldStatus.RELEASED);
            assertAllConformToTheirSchema(events);
        }
    }

    @Test
    void aCrisisStayIsKeptFromProtectedNightsUnlessOverriddenOrWithinTheReleaseHorizon() {
        String location = "loc-assen-logeerhuis-peelo";
        String careType = "WLZ_LOGEER"; // one protected bed per night, released 48 hours before the night
        LocalDate first = tonight().plusDays(40);
        publishNights(location, careType, first, first.plusDays(5), 1); // only the protected bed on each night
        String refused = newOfferId();
        String overridden = newOfferId();
        String beyond = newOfferId();
        String released = newOfferId();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS, EventCatalogue.CAPACITY)) {
            producer().send(stayRequested(refused, location, careType, "CRISIS", first, 3, false));
            assertThat(awaitOne(events, BedHoldRefused.class, e -> e.offerId().equals(refused)).reason())
                    .isEqualTo("NIGHT_PROTECTED");
            assertThat(heldPerNight(location, careType, first, first.plusDays(5))).containsOnly(0);

            producer().send(stayRequested(overridden, location, careType, "CRISIS", first, 3, true));
            BedHeld byOverride = awaitOne(events, BedHeld.class, e -> e.offerId().equals(overridden));
            assertThat(byOverride.protectedNightsOverridden()).isEqualTo(3);
            assertThat(byOverride.protectedNightsReleased()).isZero();
            assertThat(heldPerNight(location, careType, first, first.plusDays(5))).containsExactly(1, 1, 1, 0, 0, 0);

            producer().send(stayRequested(beyond, location, careType, "CRISIS", first.plusDays(3), 2, false));
            assertThat(awaitOne(events, BedHoldRefused.class, e -> e.offerId().equals(beyond)).reason())
                    .isEqualTo("NIGHT_PROTECTED");

            // weeks later by the clock, both nights start within the 48-hour horizon: their unclaimed beds are released
            clock.advance(Duration.between(clock.instant(), Nights.startOf(first.plusDays(4)))
                    .minus(Duration.ofHours(47)));
            producer().send(stayRequested(released, location, careType, "CRISIS", first.plusDays(3), 2, false));
            BedHeld byRelease = awaitOne(events, BedHeld.class, e -> e.offerId().equals(released));
            assertThat(byRelease.protectedNightsReleased()).isEqualTo(2);
            assertThat(byRelease.protectedNightsOverridden()).isZero();
            assertThat(heldPerNight(location, careType, first, first.plusDays(5))).containsExactly(1, 1, 1, 1, 1, 0);
            await().atMost(WITHIN).untilAsserted(() -> assertThat(events.payloads(NightCapacityAdjusted.class,
                            e -> e.locationId().equals(location)))
                    .as("one adjustment per held stay, none for refusals").hasSize(2)
                    .allSatisfy(adjusted -> assertThat(adjusted.nights()).allSatisfy(night -> {
                        assertThat(night.availableBeds()).isZero();
                        assertThat(night.protectedBeds()).isZero();
                    })));
            assertAllConformToTheirSchema(events);
        } finally {
            clock.reset();
        }
    }

    @Test
    void concurrentPlannedStaysOverTheLastBedOfANightGetItExactlyOnce() throws Exception {
        String location = "loc-emmen-logeerhuis-de-esdoorn";
        String careType = "WMO_LOGEER";
        LocalDate contested = tonight().plusDays(70);
        publishNights(location, careType, contested.minusDays(2), contested.plusDays(2), 3);
        publishNights(location, careType, contested, contested, 1);
        List<HoldRequested> stays = IntStream.range(0, STAYS).mapToObj(i -> stayRequested(newOfferId(), location,
                careType, "PLANNED", contested.minusDays(i % 3), 3, false)).toList();
        Set<String> ours = stays.stream().map(HoldRequested::offerId).collect(Collectors.toSet());

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS, EventCatalogue.CAPACITY)) {
            // Each in its own transaction, all at once: they meet on the rows' locks in the database.
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(STAYS);
            try {
                List<Future<?>> done = stays.stream().map(stay -> threads.submit(() -> {
                    start.await();
                    return tx.transactional(holds.hold(stay)).block(Duration.ofSeconds(30));
                })).collect(Collectors.toList());
                start.countDown();
                for (Future<?> each : done) {
                    each.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdown();
            }

            List<BedHeld> held = await("an outcome for every stay").atMost(WITHIN).until(
                    () -> events.payloads(BedHeld.class, e -> ours.contains(e.offerId())),
                    found -> found.size() + events.payloads(BedHoldRefused.class, e -> ours.contains(e.offerId()))
                            .size() == STAYS);
            assertThat(held).as("exactly one stay won the last bed").hasSize(1);
            assertThat(events.payloads(BedHoldRefused.class, e -> ours.contains(e.offerId())))
                    .hasSize(STAYS - 1).extracting(BedHoldRefused::reason).containsOnly("NO_FREE_BED");
            LocalDate winnerFirst = held.get(0).firstNight();
            List<Integer> expected = contested.minusDays(2).datesUntil(contested.plusDays(3))
                    .map(night -> !night.isBefore(winnerFirst) && night.isBefore(winnerFirst.plusDays(3)) ? 1 : 0)
                    .toList();
            assertThat(heldPerNight(location, careType, contested.minusDays(2), contested.plusDays(2)))
                    .as("only the winner's nights are held").isEqualTo(expected);
            assertAllConformToTheirSchema(events);
        }
    }

    @Test
    void anEarlyDischargeGivesBackTheNightsAfterTonightAndAdmissionChangesNoNight() {
        String location = "loc-zuidlaren-de-wolfsbarge";
        String careType = "WLZ_LOGEER"; // seeded: one bed per night from tonight
        LocalDate tonight = tonight();
        String offer = newOfferId();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS, EventCatalogue.CAPACITY)) {
            producer().send(stayRequested(offer, location, careType, "PLANNED", tonight, 5, false));
            awaitOne(events, BedHeld.class, e -> e.offerId().equals(offer));
            producer().send(new OfferAccepted(offer, requestIdOf(offer), REGION, location, "provider-x", careType,
                    Instant.now().plusSeconds(3600), Instant.now()));
            await().atMost(WITHIN).until(() -> hold(offer).status() == HoldStatus.ACCEPTED);

            admit(offer, location)
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("ADMITTED");
            awaitOne(events, PatientAdmitted.class, e -> e.offerId().equals(offer));
            assertThat(heldPerNight(location, careType, tonight, tonight.plusDays(5)))
                    .as("the patient occupies the held nights").containsExactly(1, 1, 1, 1, 1, 0);

            discharge(offer, location)
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("DISCHARGED");

            awaitOne(events, PatientDischarged.class, e -> e.offerId().equals(offer));
            NightCapacityAdjusted freed = awaitOne(events, NightCapacityAdjusted.class,
                    e -> e.locationId().equals(location) && e.cause().equals("DISCHARGE"));
            assertThat(freed.nights()).extracting(NightFigure::night)
                    .containsExactly(tonight.plusDays(1), tonight.plusDays(2), tonight.plusDays(3), tonight.plusDays(4));
            assertThat(freed.nights()).allSatisfy(night -> assertThat(night.availableBeds()).isEqualTo(1));
            assertThat(heldPerNight(location, careType, tonight, tonight.plusDays(5)))
                    .as("tonight stays as it was; the later nights are free again").containsExactly(1, 0, 0, 0, 0, 0);
            assertThat(events.payloads(NightCapacityAdjusted.class, e -> e.locationId().equals(location)))
                    .extracting(NightCapacityAdjusted::cause).as("admission changes no night")
                    .containsExactly("HOLD", "DISCHARGE");
            assertAllConformToTheirSchema(events);
        }
    }

    @Test
    void aWithdrawalThatOvertakesItsStayRequestLeavesNoNightHeld() {
        String location = "loc-norg-de-brinkstede";
        String careType = "WMO_LOGEER";
        LocalDate first = tonight().plusDays(20);
        String offer = newOfferId();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS)) {
            producer().send(new OfferWithdrawn(offer, requestIdOf(offer), REGION, location, "provider", careType,
                    "REQUEST_CANCELLED", Instant.now()));
            producer().send(stayRequested(offer, location, careType, "PLANNED", first, 2, false));
            awaitOffersConsumed();

            assertThat(events.payloads(BedHeld.class, e -> e.offerId().equals(offer))).isEmpty();
            assertThat(heldPerNight(location, careType, first, first.plusDays(1))).containsExactly(0, 0);
            assertThat(hold(offer).status()).isEqualTo(HoldStatus.RELEASED);
        }
    }

    @Test
    void aStayIsRefusedWithTheReasonWhenItsNightsAreNotPublishedOrTheLocationIsClosedOrUnknown() {
        String location = "loc-gieten-hunzedal";
        String careType = "WLZ_LOGEER";
        LocalDate first = tonight().plusDays(100); // beyond the seeded nights
        publishNights(location, careType, first, first.plusDays(1), 2);
        String notPublished = newOfferId();
        String notOnCalendar = newOfferId();
        String closed = newOfferId();
        String unknown = newOfferId();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS)) {
            producer().send(stayRequested(notPublished, location, careType, "PLANNED", first, 3, false));
            producer().send(stayRequested(notOnCalendar, location, "ELV_HOOG", "CRISIS", tonight(), 1, false));
            producer().send(stayRequested(unknown, "loc-nowhere", careType, "PLANNED", first, 1, false));
            assertThat(awaitOne(events, BedHoldRefused.class, e -> e.offerId().equals(notPublished)).reason())
                    .as("the third night was never published").isEqualTo("NIGHTS_NOT_PUBLISHED");
            assertThat(awaitOne(events, BedHoldRefused.class, e -> e.offerId().equals(notOnCalendar)).reason())
                    .isEqualTo("NIGHTS_NOT_PUBLISHED");
            assertThat(awaitOne(events, BedHoldRefused.class, e -> e.offerId().equals(unknown)).reason())
                    .isEqualTo("UNKNOWN_LOCATION");
            Hold refusal = hold(notPublished);
            assertThat(refusal.status()).isEqualTo(HoldStatus.REFUSED);
            assertThat(refusal.reason()).isEqualTo("NIGHTS_NOT_PUBLISHED");
            assertThat(refusal.firstNight()).as("the stay asked for").isEqualTo(first);
            assertThat(refusal.nights()).isEqualTo(3);

            putStatus(location, "{\"open\":false,\"reason\":\"RENOVATION\"}").expectStatus().isOk();
            producer().send(stayRequested(closed, location, careType, "PLANNED", first, 2, false));
            assertThat(awaitOne(events, BedHoldRefused.class, e -> e.offerId().equals(closed)).reason())
                    .isEqualTo("LOCATION_CLOSED");
            assertThat(heldPerNight(location, careType, first, first.plusDays(1))).containsExactly(0, 0);
            assertAllConformToTheirSchema(events);
        } finally {
            putStatus(location, "{\"open\":true}").expectStatus().isOk();
        }
    }

    private List<Integer> heldPerNight(String location, String careType, LocalDate from, LocalDate to) {
        Map<LocalDate, NightsView.Night> shown = nightsAt(location, careType, from, to).nights().stream()
                .collect(Collectors.toMap(NightsView.Night::night, Function.identity()));
        return from.datesUntil(to.plusDays(1)).map(night -> shown.containsKey(night) ? shown.get(night).heldBeds() : -1)
                .toList();
    }
}
