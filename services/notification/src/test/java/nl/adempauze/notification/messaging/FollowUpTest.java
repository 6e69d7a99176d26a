package nl.adempauze.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestMatched;
import nl.adempauze.contracts.events.StayBooked;
import nl.adempauze.contracts.events.StayReminderIssued;
import nl.adempauze.notification.persistence.KnownLocationRepository;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.PagingChannels;
import nl.adempauze.notification.support.Rotas.Person;
import nl.adempauze.notification.support.TestEvents;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * A referrer who asked for it is told by a real SMS gateway receiver and a real SMTP server (GreenMail) when its
 * request is placed, escalated, booked or about to begin; once per event, without who the patient is.
 */
class FollowUpTest extends NotificationIntegrationTest {

    private static final PagingChannels CHANNELS = PagingChannels.get();
    /** 21:30 UTC on a December Thursday is 22:30 in Amsterdam. */
    private static final Instant ADMISSION = Instant.parse("2026-12-03T21:30:00Z");

    @Autowired
    private KnownLocationRepository locations;

    private String organisation;
    private String referrer;
    private String requestId;
    private String locationId;
    private Person gp;

    @BeforeEach
    void submitAndRegisterLocation() {
        organisation = uniqueOrganisation("hap");
        referrer = TestTokens.referrer(organisation);
        requestId = uniqueRequestId();
        locationId = "loc-" + UUID.randomUUID();
        gp = Person.unique("huisarts");
        TestEvents.publish(TestEvents.requestSubmitted(requestId, "drenthe", organisation));
        TestEvents.publish(new LocationRegistered(locationId, "drenthe", TestEvents.PROVIDER, "Zorggroep Drenthe",
                "De Es", new Address("Hoofdstraat 1", "9401 AA", "Assen"), "Assen", 53.0, 6.5, List.of(),
                List.of("CRISIS_STAY"), List.of(), true, null, Instant.now()));
        awaitKnown(requestId);
        await().atMost(PATIENCE).until(() -> locations.find(locationId).blockOptional().isPresent());
    }

    @Test
    void aGpWhoAskedForItIsToldByEmailAndSmsWhereAndWhenWhenItsRequestIsPlaced() {
        follow(Map.of("email", gp.email(), "phone", gp.phone(), "events", List.of("PLACED", "ESCALATED")))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.phone").isEqualTo(gp.e164())
                .jsonPath("$.events").isEqualTo(List.of("PLACED", "ESCALATED"));

        TestEvents.publish(matched());

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(CHANNELS.smsTo(gp.e164())).hasSize(1);
            assertThat(CHANNELS.mailTo(gp.email())).hasSize(1);
        });
        String sms = CHANNELS.smsTo(gp.e164()).get(0).text();
        assertThat(sms).isEqualTo("Adempauze: aanvraag " + requestId
                + " geplaatst: De Es, Hoofdstraat 1, 9401 AA Assen, opname do 3 dec. 22:30");
        PagingChannels.Mail mail = CHANNELS.mailTo(gp.email()).get(0);
        assertThat(mail.subject()).isEqualTo("Adempauze: aanvraag " + requestId + " geplaatst");
        assertThat(mail.body()).startsWith(sms);
        assertNoPatientIdentity(sms + mail.body() + mail.subject());
    }

    @Test
    void anEscalationTellsThereIsNoPlaceYetAndAnEventDeliveredTwiceSendsOnce() {
        follow(Map.of("phone", gp.phone(), "events", List.of("ESCALATED"))).expectStatus().isOk();

        RequestEscalated escalated = TestEvents.requestEscalated(requestId);
        String eventId = TestEvents.publish(escalated);
        TestEvents.publish(escalated, eventId);
        // not asked for: no message for the match
        TestEvents.publish(matched());
        String later = TestEvents.publish(TestEvents.requestEscalated(requestId));

        await().atMost(PATIENCE).until(() -> CHANNELS.smsTo(gp.e164()).size() >= 2);
        assertThat(CHANNELS.smsTo(gp.e164())).extracting(PagingChannels.Sms::text).containsOnly(
                "Adempauze: aanvraag " + requestId + ": nog geen plek, de coördinator is gewaarschuwd.");
        assertThat(later).isNotEqualTo(eventId);
        assertThat(CHANNELS.smsTo(gp.e164())).hasSize(2);
        assertThat(CHANNELS.mailTo(gp.email())).isEmpty();
    }

    @Test
    void aRespiteConsultantWhoAskedForItGetsTheBookingAndTheReminder() {
        follow(Map.of("email", gp.email(), "events", List.of("BOOKED", "REMINDER"))).expectStatus().isOk();
        String offerId = "off-" + UUID.randomUUID();
        LocalDate firstNight = LocalDate.of(2026, 12, 14);

        TestEvents.publish(new StayBooked(requestId, offerId, "drenthe", locationId, TestEvents.PROVIDER,
                "RESPITE_STAY", firstNight, 3, Instant.now()));
        TestEvents.publish(new StayReminderIssued(requestId, offerId, "drenthe", locationId, TestEvents.PROVIDER,
                "RESPITE_STAY", firstNight, 3, Instant.now()));

        await().atMost(PATIENCE).until(() -> CHANNELS.mailTo(gp.email()).size() == 2);
        assertThat(CHANNELS.mailTo(gp.email())).extracting(PagingChannels.Mail::body).anySatisfy(body ->
                assertThat(body).startsWith("Adempauze: aanvraag " + requestId
                        + " geboekt: De Es, Hoofdstraat 1, 9401 AA Assen, 3 nachten vanaf ma 14 dec. 2026"))
                .anySatisfy(body -> assertThat(body).startsWith("Adempauze herinnering: aanvraag " + requestId
                        + " begint ma 14 dec. 2026: De Es, Hoofdstraat 1, 9401 AA Assen, 3 nachten"))
                .allSatisfy(FollowUpTest::assertNoPatientIdentity);
        assertThat(CHANNELS.smsTo(gp.e164())).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        follow(Map.of("email", "geen-adres", "phone", gp.phone())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        follow(Map.of("phone", "020 123 4567")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("phone");
        follow(Map.of("phone", gp.phone(), "events", List.of("PLACED", "DISCHARGED"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("events");
        follow(Map.of("events", List.of("PLACED"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");

        web.get().uri("/api/v1/requests/{id}/follow-up", requestId).headers(TestTokens.as(referrer))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void onlyAReferrerOfTheRequestsOrganisationSeesOrChangesItsFollowUp() {
        follow(Map.of("phone", gp.phone())).expectStatus().isOk();
        String other = TestTokens.referrer(uniqueOrganisation("hap"));

        web.put().uri("/api/v1/requests/{id}/follow-up", requestId).headers(TestTokens.as(other))
                .bodyValue(Map.of("phone", "0687654321")).exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/requests/{id}/follow-up", requestId).headers(TestTokens.as(other))
                .exchange().expectStatus().isNotFound();
        web.delete().uri("/api/v1/requests/{id}/follow-up", requestId).headers(TestTokens.as(other))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/requests/{id}/follow-up", requestId)
                .headers(TestTokens.as(TestTokens.coordinator("drenthe")))
                .exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        web.get().uri("/api/v1/requests/{id}/follow-up", uniqueRequestId()).headers(TestTokens.as(referrer))
                .exchange().expectStatus().isNotFound();

        web.get().uri("/api/v1/requests/{id}/follow-up", requestId).headers(TestTokens.as(referrer))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.phone").isEqualTo(gp.e164())
                .jsonPath("$.events").isEqualTo(List.of("PLACED", "ESCALATED", "BOOKED", "REMINDER"));
        web.delete().uri("/api/v1/requests/{id}/follow-up", requestId).headers(TestTokens.as(referrer))
                .exchange().expectStatus().isNoContent();
        web.get().uri("/api/v1/requests/{id}/follow-up", requestId).headers(TestTokens.as(referrer))
                .exchange().expectStatus().isNotFound();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec follow(Map<String, ?> body) {
        return web.put().uri("/api/v1/requests/{id}/follow-up", requestId).headers(TestTokens.as(referrer))
                .bodyValue(body).exchange();
    }

    private RequestMatched matched() {
        return new RequestMatched(requestId, "off-" + UUID.randomUUID(), "drenthe", locationId, TestEvents.PROVIDER,
                "CRISIS_STAY", ADMISSION, Instant.now());
    }

    /** What the test events know of the patient's situation and who referred: none of it may be in a message. */
    private static void assertNoPatientIdentity(String text) {
        assertThat(text).doesNotContain(TestEvents.REFERRER, "zilveren-kruis", "OXYGEN", "hap-");
    }
}
