package nl.adempauze.bedavailability.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import nl.adempauze.bedavailability.api.CapacityView;
import nl.adempauze.bedavailability.domain.HoldStatus;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.contracts.events.BedHoldRefused;
import nl.adempauze.contracts.events.CapacityAdjusted;
import nl.adempauze.contracts.events.HoldReleased;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.PatientDischarged;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Request-matching's offers hold, release and fill beds; the provider confirms admission and discharge. */
class HoldLifecycleTest extends BedAvailabilityIntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    @Test
    void lastFreeBedIsHeldForTheFirstOfferRefusedToTheNextAndFreedWhenTheOfferIsDeclined() {
        String location = "loc-eelde-het-vliegershuis";
        String careType = "ELV_LAAG";
        publish(location, careType, 1);
        String first = newOfferId();
        String second = newOfferId();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS, EventCatalogue.CAPACITY)) {
            producer().send(holdRequested(first, location, careType));

            BedHeld held = awaitOne(events, BedHeld.class, e -> e.offerId().equals(first));
            assertThat(held.requestId()).isEqualTo(requestIdOf(first));
            assertThat(held.locationId()).isEqualTo(location);
            assertThat(held.careType()).isEqualTo(careType);
            CapacityAdjusted afterHold = awaitOne(events, CapacityAdjusted.class,
                    e -> e.locationId().equals(location) && e.careType().equals(careType) && e.cause().equals("HOLD"));
            assertThat(afterHold.freeBeds()).isEqualTo(1);
            assertThat(afterHold.heldBeds()).isEqualTo(1);
            assertThat(afterHold.availableBeds()).isZero();
            assertThat(afterHold.region()).isEqualTo(REGION);

            producer().send(holdRequested(second, location, careType));

            BedHoldRefused refused = awaitOne(events, BedHoldRefused.class, e -> e.offerId().equals(second));
            assertThat(refused.reason()).isEqualTo("NO_FREE_BED");

            producer().send(new OfferDeclined(first, requestIdOf(first), REGION, location, "provider-x", careType,
                    "NO_STAFF", Instant.now()));

            HoldReleased released = awaitOne(events, HoldReleased.class, e -> e.offerId().equals(first));
            assertThat(released.reason()).isEqualTo("OFFER_DECLINED");
            CapacityAdjusted afterRelease = awaitOne(events, CapacityAdjusted.class,
                    e -> e.locationId().equals(location) && e.careType().equals(careType) && e.cause().equals("RELEASE"));
            assertThat(afterRelease.heldBeds()).isZero();
            assertThat(afterRelease.availableBeds()).isEqualTo(1);
            assertThat(afterRelease.version()).isGreaterThan(afterHold.version());

            CapacityView.CareTypeCapacity now = capacityOf(location, careType);
            assertThat(now.freeBeds()).isEqualTo(1);
            assertThat(now.heldBeds()).isZero();
            assertThat(now.availableBeds()).isEqualTo(1);
            assertThat(hold(first).status()).isEqualTo(HoldStatus.RELEASED);
            assertThat(hold(second).status()).isEqualTo(HoldStatus.REFUSED);
            assertAllConformToTheirSchema(events);
        }
    }

    @Test
    void aWithdrawalThatOvertakesItsHoldRequestLeavesNoBedHeld() {
        String location = "loc-norg-de-brinkstede";
        String careType = capacityTypeAt(location);
        publish(location, careType, 1);
        String offer = newOfferId();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS)) {
            producer().send(new OfferWithdrawn(offer, requestIdOf(offer), REGION, location, "provider", careType,
                    "REQUEST_CANCELLED", java.time.Instant.now()));
            producer().send(holdRequested(offer, location, careType));
            awaitOffersConsumed();

            assertThat(events.payloads(BedHeld.class, e -> e.offerId().equals(offer))).isEmpty();
            assertThat(capacityOf(location, careType).heldBeds()).isZero();
            assertThat(capacityOf(location, careType).availableBeds()).isEqualTo(1);
        }
    }

    private String capacityTypeAt(String location) {
        return locationView(location).careTypes().get(0).careType();
    }

    @Test
    void closedLocationRefusesHoldsEvenWithFreeBeds() {
        String location = "loc-dalen-het-dalerhof";
        String careType = "WLZ_CRISIS";
        publish(location, careType, 2);
        String offer = newOfferId();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS, EventCatalogue.LOCATIONS)) {
            putStatus(location, "{\"open\":false,\"reason\":\"OUTBREAK\"}")
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.open").isEqualTo(false)
                    .jsonPath("$.closedReason").isEqualTo("OUTBREAK");
            LocationStatusChanged closed = awaitOne(events, LocationStatusChanged.class,
                    e -> e.locationId().equals(location));
            assertThat(closed.open()).isFalse();
            assertThat(closed.reason()).isEqualTo("OUTBREAK");
            assertThat(locationView(location).closedReason()).isEqualTo("OUTBREAK");

            producer().send(holdRequested(offer, location, careType));

            assertThat(awaitOne(events, BedHoldRefused.class, e -> e.offerId().equals(offer)).reason())
                    .isEqualTo("LOCATION_CLOSED");
            assertThat(capacityOf(location, careType).heldBeds()).isZero();
            assertThat(events.payloads(BedHeld.class, e -> e.offerId().equals(offer))).isEmpty();
            assertAllConformToTheirSchema(events);
        } finally {
            putStatus(location, "{\"open\":true}").expectStatus().isOk();
        }
    }

    @Test
    void holdForAnUnknownLocationOrCareTypeIsRefusedWithTheReason() {
        String unknownLocation = newOfferId();
        String careTypeNotThere = newOfferId();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS)) {
            producer().send(holdRequested(unknownLocation, "loc-nowhere", "ELV_HOOG"));
            producer().send(holdRequested(careTypeNotThere, "loc-coevorden-de-sterrenkamp", "WLZ_CRISIS"));

            assertThat(awaitOne(events, BedHoldRefused.class, e -> e.offerId().equals(unknownLocation)).reason())
                    .isEqualTo("UNKNOWN_LOCATION");
            assertThat(awaitOne(events, BedHoldRefused.class, e -> e.offerId().equals(careTypeNotThere)).reason())
                    .isEqualTo("CARE_TYPE_NOT_OFFERED");
            assertAllConformToTheirSchema(events);
        }
    }

    @Test
    void acceptedHoldBecomesAnAdmissionThatTakesTheBedAndADischargeThatFreesIt() {
        String location = "loc-emmen-de-zuiderhof";
        String careType = "GRZ";
        publish(location, careType, 2);
        String offer = newOfferId();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS, EventCatalogue.CAPACITY)) {
            producer().send(holdRequested(offer, location, careType));
            awaitOne(events, BedHeld.class, e -> e.offerId().equals(offer));

            producer().send(new OfferAccepted(offer, requestIdOf(offer), REGION, location, "provider-x", careType,
                    Instant.now().plusSeconds(3600), Instant.now()));
            await().atMost(WITHIN).until(() -> hold(offer).status() == HoldStatus.ACCEPTED);
            CapacityView.CareTypeCapacity accepted = capacityOf(location, careType);
            assertThat(accepted.freeBeds()).isEqualTo(2);
            assertThat(accepted.heldBeds()).isEqualTo(1);

            admit(offer, location)
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("ADMITTED");

            CapacityView.CareTypeCapacity admitted = capacityOf(location, careType);
            assertThat(admitted.freeBeds()).isEqualTo(1);
            assertThat(admitted.heldBeds()).isZero();
            assertThat(admitted.availableBeds()).isEqualTo(1);
            assertThat(awaitOne(events, PatientAdmitted.class, e -> e.offerId().equals(offer)).locationId())
                    .isEqualTo(location);
            assertThat(awaitOne(events, CapacityAdjusted.class, e -> e.locationId().equals(location)
                    && e.careType().equals(careType) && e.cause().equals("ADMISSION")).freeBeds()).isEqualTo(1);

            discharge(offer, location)
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("DISCHARGED");

            CapacityView.CareTypeCapacity discharged = capacityOf(location, careType);
            assertThat(discharged.freeBeds()).isEqualTo(2);
            assertThat(discharged.heldBeds()).isZero();
            assertThat(discharged.availableBeds()).isEqualTo(2);
            awaitOne(events, PatientDischarged.class, e -> e.offerId().equals(offer));
            assertThat(awaitOne(events, CapacityAdjusted.class, e -> e.locationId().equals(location)
                    && e.careType().equals(careType) && e.cause().equals("DISCHARGE")).freeBeds()).isEqualTo(2);
            assertAllConformToTheirSchema(events);
        }
    }

    @Test
    void admittingAHoldThatIsOnlyHeldIsAConflictAndChangesNothing() {
        String location = "loc-klazienaveen-de-veenschap";
        String careType = "ELV_LAAG";
        publish(location, careType, 1);
        String offer = newOfferId();
        try (TopicRecorder events = recorder(EventCatalogue.HOLDS)) {
            producer().send(holdRequested(offer, location, careType));
            awaitOne(events, BedHeld.class, e -> e.offerId().equals(offer));
        }

        admit(offer, location)
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("HELD"));

        assertThat(hold(offer).status()).isEqualTo(HoldStatus.HELD);
        CapacityView.CareTypeCapacity still = capacityOf(location, careType);
        assertThat(still.freeBeds()).isEqualTo(1);
        assertThat(still.heldBeds()).isEqualTo(1);
    }

    @Test
    void admissionOrDischargeOfAnUnknownOfferIsNotFound() {
        String providersLocation = "loc-emmen-de-zuiderhof";
        admit("offer-unknown", providersLocation)
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        discharge("offer-unknown", providersLocation)
                .expectStatus().isNotFound();
    }
}
