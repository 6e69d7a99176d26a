package nl.adempauze.requestmatching.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.RequestCancelled;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.platform.testing.AdjustableClock;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.application.PatientDetailsPurge;
import nl.adempauze.requestmatching.domain.AuditEntry;
import nl.adempauze.requestmatching.domain.RequestNote;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The patient's identifying details (and the handover, special-category data) on a real database and broker: stored
 * encrypted, shown only to the referrer organisation, the region's coordinators and the provider (the details once it
 * accepted; the handover while it judges the offer), every read and change on the append-only audit trail, never in
 * an event, and purged a while after the request closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = {"spring.config.name=request-matching", "adempauze.privacy.purge-interval=PT1H"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@Import(AdjustableClock.Configuration.class)
@AutoConfigureWebTestClient
class PatientPrivacyIntegrationTest {

    private static final String REGION = "drenthe";
    private static final String CARE_TYPE = "ELV_HOOG";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String NAME = "Geertruida Zwiers-Oosting";
    private static final String BSN = "111222333";
    private static final String PHONE = "0592 771 234";
    private static final String STREET = "Vaart Zuidzijde";
    private static final String WITH_PATIENT = """
            {"region":"drenthe","careType":"ELV_HOOG","urgency":"CRISIS","residence":{"postcode":"9401"},
             "needs":["DEMENTIA"],"funder":"zilveren-kruis",
             "contact":{"name":"Dokter Brink","phone":"0592 300 300"},
             "patient":{"name":"%s","dateOfBirth":"1938-04-17","bsn":"%s","phone":"%s",
                        "address":{"street":"%s","houseNumber":"14a","postcode":"9401 GX","city":"Assen"}}}"""
            .formatted(NAME, BSN, PHONE, STREET);
    /** Handover text (special-category data) that must never leave the service other than to those who may read it. */
    private static final String HANDOVER_CANARY = "Decubitus-Hielwond-Tjabbes-4417";
    private static final String WITH_PATIENT_AND_HANDOVER = WITH_PATIENT.substring(0, WITH_PATIENT.length() - 1)
            + ",\"handover\":{\"reasonForAdmission\":\"" + HANDOVER_CANARY + "\",\"infection\":{\"isolation\":"
            + "\"CONTACT\",\"carrierOf\":\"BRMO-" + HANDOVER_CANARY + "\"}}}";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Autowired
    AdjustableClock clock;

    @Autowired
    PatientDetailsPurge purge;

    private MatchingApi api;
    private String location;
    private String provider;
    private TopicRecorder recorder;

    @BeforeEach
    void feedReplica() {
        api = new MatchingApi(web, db);
        location = api.regionWithOneLocation("loc-privacy-", CARE_TYPE, 1);
        provider = "provider-" + location;
        recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), EventCatalogue.REQUESTS.name()));
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        recorder.close();
        api.publish(location, CARE_TYPE, 0, 2);
    }

    @Test
    void detailsAreEncryptedAtRestShownOnlyToThoseWhoMayAndEveryReadIsAudited() {
        String requestId = api.submit(WITH_PATIENT_AND_HANDOVER);

        // at rest: no column holds the name, BSN, phone or street in clear text
        String stored = db.sql("SELECT name || date_of_birth || bsn || street || phone AS sealed FROM patient_details"
                        + " WHERE request_id = :id").bind("id", requestId)
                .map((row, meta) -> row.get("sealed", String.class)).one().block();
        assertThat(stored).isNotBlank().doesNotContain(NAME).doesNotContain(BSN).doesNotContain("1938-04-17")
                .doesNotContain(STREET).doesNotContain(PHONE).doesNotContain(PHONE.replace(" ", ""));
        // (whole values only: the columns are hex, so a short run of digits like "771" turns up by chance)
        String contact = db.sql("SELECT contact_name FROM request WHERE id = :id").bind("id", requestId)
                .map((row, meta) -> row.get("contact_name", String.class)).one().block();
        assertThat(contact).isNotBlank().doesNotContain("Brink");
        String handover = db.sql("SELECT sealed FROM handover WHERE request_id = :id").bind("id", requestId)
                .map((row, meta) -> row.get("sealed", String.class)).one().block();
        assertThat(handover).isNotBlank().doesNotContain(HANDOVER_CANARY).doesNotContain("BRMO");

        // the referrer organisation and the region's coordinator see who it is
        RequestView asReferrer = view(requestId, MatchingApi.REFERRER);
        assertThat(asReferrer.patient().name()).isEqualTo(NAME);
        assertThat(asReferrer.patient().bsn()).isEqualTo(BSN);
        assertThat(asReferrer.patient().address().postcode()).isEqualTo("9401 GX");
        assertThat(asReferrer.contact().name()).isEqualTo("Dokter Brink");
        assertThat(asReferrer.referrerOrganisation()).isEqualTo(MatchingApi.REFERRER_ORGANISATION);
        assertThat(view(requestId, MatchingApi.COORDINATOR).patient().name()).isEqualTo(NAME);

        // another organisation, another region, a provider, an admin: not
        web.get().uri("/api/v1/requests/{id}", requestId).headers(TestTokens.as(TestTokens.referrer("wza-transferpunt")))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/requests/{id}", requestId).headers(TestTokens.as(TestTokens.coordinator("groningen")))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/requests/{id}", requestId).headers(TestTokens.as(TestTokens.provider(provider)))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/requests/{id}", requestId).headers(TestTokens.as(TestTokens.admin()))
                .exchange().expectStatus().isForbidden();
        // the coordinator's board lists it without the patient or the call-back contact (not audited, not shown)
        List<RequestView> board = web.get().uri("/api/v1/regions/{r}/requests", REGION)
                .headers(MatchingApi.asCoordinator()).exchange().expectStatus().isOk()
                .expectBodyList(RequestView.class).returnResult().getResponseBody();
        assertThat(board).filteredOn(request -> request.id().equals(requestId)).singleElement()
                .satisfies(request -> {
                    assertThat(request.patient()).isNull();
                    assertThat(request.contact()).isNull();
                });

        // the provider sees the offer without the patient until it accepts, and then with
        HoldRequested hold = offered(requestId);
        String planner = TestTokens.provider(provider);
        OfferView before = web.get().uri("/api/v1/offers/{id}", hold.offerId()).headers(TestTokens.as(planner))
                .exchange().expectStatus().isOk().expectBody(OfferView.class).returnResult().getResponseBody();
        assertThat(before.patient()).isNull();
        assertThat(before.handoverAvailable()).isTrue();
        // the handover, though, it reads before answering (and that read is on the trail too)
        web.get().uri("/api/v1/offers/{id}/handover", hold.offerId()).headers(TestTokens.as(planner)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.reasonForAdmission").isEqualTo(HANDOVER_CANARY);
        web.post().uri("/api/v1/offers/{id}/accept", hold.offerId())
                .headers(TestTokens.as(TestTokens.provider("another-provider"))).exchange().expectStatus().isNotFound();
        OfferView accepted = web.post().uri("/api/v1/offers/{id}/accept", hold.offerId())
                .headers(TestTokens.as(planner)).exchange().expectStatus().isOk()
                .expectBody(OfferView.class).returnResult().getResponseBody();
        assertThat(accepted.patient().name()).isEqualTo(NAME);
        assertThat(accepted.patient().dateOfBirth()).hasToString("1938-04-17");

        // every read is on the trail: who, role, organisation, why; newest first; for admins only
        List<AuditEntry> trail = audit("requestId=" + requestId);
        assertThat(trail).extracting(entry -> entry.action().name() + " by " + entry.role() + " of "
                        + entry.organisation())
                .containsExactly(
                        "PATIENT_DETAILS_READ by PROVIDER of " + provider,
                        "HANDOVER_READ by PROVIDER of " + provider,
                        "PATIENT_DETAILS_READ_REFUSED by ADMIN of beheer",
                        "PATIENT_DETAILS_READ_REFUSED by PROVIDER of " + provider,
                        "PATIENT_DETAILS_READ by COORDINATOR of coordinatiepunt",
                        "PATIENT_DETAILS_READ by REFERRER of " + MatchingApi.REFERRER_ORGANISATION,
                        "HANDOVER_RECORDED by REFERRER of " + MatchingApi.REFERRER_ORGANISATION,
                        "PATIENT_DETAILS_RECORDED by REFERRER of " + MatchingApi.REFERRER_ORGANISATION);
        assertThat(trail).allSatisfy(entry -> {
            assertThat(entry.actor()).isNotBlank();
            assertThat(entry.at()).isNotNull();
        });
        assertThat(trail.get(0).reason()).contains("accepted offer");
        web.get().uri("/api/v1/audit").headers(MatchingApi.asCoordinator()).exchange().expectStatus().isForbidden();

        // and no event carries anything that identifies the patient or the contact
        MatchingApi.awaitFirst(recorder, RequestSubmitted.class, submitted -> submitted.requestId().equals(requestId));
        assertThat(recorder.all()).allSatisfy(seen -> assertThat(new String(seen.raw(), StandardCharsets.UTF_8))
                .doesNotContain("Zwiers").doesNotContain(BSN).doesNotContain("1938-04-17").doesNotContain(STREET)
                .doesNotContain("771 234").doesNotContain("Brink").doesNotContain("9401 GX")
                .doesNotContain(HANDOVER_CANARY).doesNotContain("BRMO"));
        assertThat(recorder.payloads(OfferMade.class, made -> made.requestId().equals(requestId))).singleElement()
                .satisfies(made -> assertThat(made.handoverAvailable()).isTrue());
        assertThat(recorder.payloads(RequestSubmitted.class, submitted -> submitted.requestId().equals(requestId)))
                .singleElement().satisfies(submitted ->
                        assertThat(submitted.referrerOrganisation()).isEqualTo(MatchingApi.REFERRER_ORGANISATION));
    }

    @Test
    void theAuditTrailRefusesToBeChangedOrDeleted() {
        String requestId = api.submit(WITH_PATIENT);
        assertThat(audit("requestId=" + requestId)).isNotEmpty();

        assertThatThrownBy(() -> db.sql("UPDATE audit_entry SET actor = 'someone-else' WHERE request_id = :id")
                .bind("id", requestId).then().block()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("DELETE FROM audit_entry WHERE request_id = :id")
                .bind("id", requestId).then().block()).hasMessageContaining("append-only");
        assertThat(audit("requestId=" + requestId)).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("referrer@" + MatchingApi.REFERRER_ORGANISATION));
    }

    @Test
    void changesAndCoordinatorDecisionsAreAuditedWithWhoAndWhy() {
        String requestId = api.submit(WITH_PATIENT.replace(",\"bsn\":\"" + BSN + "\"", ""));

        web.put().uri("/api/v1/requests/{id}/patient?reason={why}", requestId, "naam gecorrigeerd na telefoontje")
                .headers(MatchingApi.asCoordinator()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"G. Zwiers\",\"dateOfBirth\":\"1938-04-17\"}")
                .exchange().expectStatus().isNoContent();
        // bad details change nothing
        web.put().uri("/api/v1/requests/{id}/patient", requestId).headers(MatchingApi.asReferrer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"X\",\"dateOfBirth\":\"1938-04-17\",\"bsn\":\"123456789\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("bsn");
        web.put().uri("/api/v1/requests/{id}/patient", requestId)
                .headers(TestTokens.as(TestTokens.referrer("wza-transferpunt"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Iemand Anders\",\"dateOfBirth\":\"1950-01-01\"}")
                .exchange().expectStatus().isNotFound();
        // every change needs a reason; without one, nothing changes
        web.put().uri("/api/v1/requests/{id}/patient", requestId).headers(MatchingApi.asReferrer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Iemand Anders\",\"dateOfBirth\":\"1950-01-01\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        web.put().uri("/api/v1/requests/{id}/patient?reason= ", requestId).headers(MatchingApi.asReferrer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Iemand Anders\",\"dateOfBirth\":\"1950-01-01\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        assertThat(view(requestId, MatchingApi.REFERRER).patient().name()).isEqualTo("G. Zwiers");

        web.post().uri("/api/v1/requests/{id}/protection-override", requestId)
                .headers(TestTokens.as(TestTokens.coordinator("groningen"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"nood\"}").exchange().expectStatus().isNotFound();

        assertThat(audit("requestId=" + requestId + "&action=PATIENT_DETAILS_CHANGED")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.role()).isEqualTo("COORDINATOR");
                    assertThat(entry.actor()).isEqualTo("coordinator@drenthe");
                    assertThat(entry.reason()).isEqualTo("naam gecorrigeerd na telefoontje");
                });
    }

    @Test
    void detailsArePurgedAPeriodAfterTheRequestClosedAndThePurgeIsAudited() {
        String open = api.submit(WITH_PATIENT_AND_HANDOVER);
        String closed = api.submit(WITH_PATIENT_AND_HANDOVER);
        web.post().uri("/api/v1/requests/{id}/cancel", closed).headers(MatchingApi.asReferrer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reasonCode\":\"ADMITTED_TO_HOSPITAL\",\"note\":\"" + NAME + " opgenomen in ziekenhuis\"}")
                .exchange().expectStatus().isOk();

        // not yet due
        purge.purgeDue().block(TIMEOUT);
        RequestView kept = view(closed, MatchingApi.REFERRER);
        assertThat(kept.patient()).isNotNull();
        assertThat(kept.cancelReason()).isEqualTo("ADMITTED_TO_HOSPITAL");
        assertThat(kept.notes()).singleElement().satisfies(note -> {
            assertThat(note.subject()).isEqualTo(RequestNote.Subject.CANCELLED);
            assertThat(note.text()).isEqualTo(NAME + " opgenomen in ziekenhuis");
        });
        assertThat(notesStored(closed)).isEqualTo(1);

        clock.advance(Duration.ofDays(31));
        purge.purgeDue().block(TIMEOUT);

        RequestView purged = view(closed, MatchingApi.REFERRER);
        assertThat(purged.patient()).isNull();
        assertThat(purged.contact().name()).isNull();
        assertThat(purged.status()).isEqualTo("CANCELLED");
        assertThat(db.sql("SELECT count(*) FROM patient_details WHERE request_id = :id").bind("id", closed)
                .map((row, meta) -> row.get(0, Long.class)).one().block()).isZero();
        assertThat(db.sql("SELECT count(*) FROM handover WHERE request_id = :id").bind("id", closed)
                .map((row, meta) -> row.get(0, Long.class)).one().block()).isZero();
        assertThat(purged.handoverAvailable()).isFalse();
        // the words written with the cancel reason go with the details; the code stays
        assertThat(purged.notes()).isEmpty();
        assertThat(purged.cancelReason()).isEqualTo("ADMITTED_TO_HOSPITAL");
        assertThat(notesStored(closed)).isZero();
        assertThat(view(open, MatchingApi.REFERRER).patient().name()).isEqualTo(NAME);
        assertThat(view(open, MatchingApi.REFERRER).handoverAvailable()).isTrue();
        assertThat(audit("requestId=" + closed + "&action=PATIENT_DETAILS_PURGED")).singleElement()
                .satisfies(entry -> assertThat(entry.role()).isEqualTo("SYSTEM"));
        assertThat(audit("requestId=" + closed + "&action=HANDOVER_PURGED")).singleElement()
                .satisfies(entry -> assertThat(entry.role()).isEqualTo("SYSTEM"));
    }

    @Test
    void wordsWrittenWithAReasonStayHereSealedAndAreReadOnlyWithThePatientsDetails() {
        String requestId = api.submit(WITH_PATIENT);
        HoldRequested hold = offered(requestId);
        String planner = TestTokens.provider(provider);

        // an unknown code is refused, naming the field, and the offer stays open
        web.post().uri("/api/v1/offers/{id}/decline", hold.offerId()).headers(TestTokens.as(planner))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reasonCode\":\"TOO_OLD\",\"note\":\"x\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reasonCode");
        web.post().uri("/api/v1/offers/{id}/decline", hold.offerId()).headers(TestTokens.as(planner))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\":\"geen code\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reasonCode");
        web.post().uri("/api/v1/requests/{id}/cancel", requestId).headers(MatchingApi.asReferrer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reasonCode\":\"BORED\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reasonCode");
        assertThat(notesStored(requestId)).isZero();

        // the provider declines with a code and the patient's name in its note
        web.post().uri("/api/v1/offers/{id}/decline", hold.offerId()).headers(TestTokens.as(planner))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reasonCode\":\"CARE_TOO_COMPLEX\",\"note\":\"" + NAME + " heeft 2 verpleegkundigen nodig\"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.reason").isEqualTo("CARE_TOO_COMPLEX");
        OfferDeclined declined = MatchingApi.awaitFirst(recorder, OfferDeclined.class,
                event -> event.offerId().equals(hold.offerId()));
        assertThat(declined.reason()).isEqualTo("CARE_TOO_COMPLEX");

        // stored sealed
        String sealed = db.sql("SELECT sealed FROM request_note WHERE request_id = :id").bind("id", requestId)
                .map((row, meta) -> row.get("sealed", String.class)).one().block();
        assertThat(sealed).isNotBlank().doesNotContain("Zwiers").doesNotContain("verpleegkundigen");
        // read with the details (audited), by those who may read them; never on a list
        RequestView asCoordinator = view(requestId, MatchingApi.COORDINATOR);
        assertThat(asCoordinator.notes()).singleElement().satisfies(note -> {
            assertThat(note.subject()).isEqualTo(RequestNote.Subject.OFFER_DECLINED);
            assertThat(note.reasonCode()).isEqualTo("CARE_TOO_COMPLEX");
            assertThat(note.offerId()).isEqualTo(hold.offerId());
            assertThat(note.text()).isEqualTo(NAME + " heeft 2 verpleegkundigen nodig");
            assertThat(note.writtenBy()).isNotBlank();
        });
        assertThat(audit("requestId=" + requestId + "&action=PATIENT_DETAILS_READ")).first()
                .satisfies(entry -> assertThat(entry.role()).isEqualTo("COORDINATOR"));
        web.get().uri("/api/v1/requests/{id}", requestId).headers(TestTokens.as(TestTokens.provider(provider)))
                .exchange().expectStatus().isForbidden();
        List<RequestView> board = web.get().uri("/api/v1/regions/{r}/requests", REGION)
                .headers(MatchingApi.asCoordinator()).exchange().expectStatus().isOk()
                .expectBodyList(RequestView.class).returnResult().getResponseBody();
        assertThat(board).filteredOn(request -> request.id().equals(requestId)).singleElement()
                .satisfies(request -> assertThat(request.notes()).isEmpty());

        // the cancel's words too; no event carries either
        web.post().uri("/api/v1/requests/{id}/cancel", requestId).headers(MatchingApi.asReferrer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reasonCode\":\"PATIENT_DECEASED\",\"note\":\"" + NAME + " is vannacht overleden\"}")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.cancelReason").isEqualTo("PATIENT_DECEASED");
        assertThat(MatchingApi.awaitFirst(recorder, RequestCancelled.class,
                cancelled -> cancelled.requestId().equals(requestId)).reason()).isEqualTo("PATIENT_DECEASED");
        assertThat(notesStored(requestId)).isEqualTo(2);
        assertThat(recorder.all()).allSatisfy(seen -> assertThat(new String(seen.raw(), StandardCharsets.UTF_8))
                .doesNotContain("Zwiers").doesNotContain("verpleegkundigen").doesNotContain("overleden"));
        assertThat(audit("requestId=" + requestId)).allSatisfy(entry -> assertThat(String.valueOf(entry.reason()))
                .doesNotContain("Zwiers"));
    }

    /** The request's bed held and offered to the provider; answers the hold asked for. */
    private HoldRequested offered(String requestId) {
        HoldRequested hold = MatchingApi.awaitFirst(recorder, HoldRequested.class,
                candidate -> candidate.requestId().equals(requestId));
        TestEventProducer.shared().send(new BedHeld(hold.offerId(), requestId, location, CARE_TYPE, null, null, 0, 0,
                Instant.now()));
        // (waiting for the event, not polling the request: every look at the request is a read on the trail)
        MatchingApi.awaitFirst(recorder, OfferMade.class, made -> made.offerId().equals(hold.offerId()));
        return hold;
    }

    private long notesStored(String requestId) {
        return db.sql("SELECT count(*) FROM request_note WHERE request_id = :id").bind("id", requestId)
                .map((row, meta) -> row.get(0, Long.class)).one().block();
    }

    private RequestView view(String requestId, String token) {
        return web.get().uri("/api/v1/requests/{id}", requestId).headers(TestTokens.as(token)).exchange()
                .expectStatus().isOk().expectBody(RequestView.class).returnResult().getResponseBody();
    }

    private List<AuditEntry> audit(String query) {
        return api.audit(query);
    }
}
