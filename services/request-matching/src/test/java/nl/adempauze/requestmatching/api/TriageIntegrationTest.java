package nl.adempauze.requestmatching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.CareTypeChanged;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Triage on a real broker and database, with Drenthe's seeded table: the questions, the preview, a request submitted
 * without a care type (suggested, or left to the coordinator as a triage item), the coordinator setting and changing
 * the care type (re-triage withdraws the offer in flight), and bad input refused with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = "spring.config.name=request-matching")
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class TriageIntegrationTest {

    private static final String WAKEFUL_EYE_CARER_GONE = """
            {"HOSPITAL_CARE":"NO","WLZ_INDICATION":"NO","RETURN_HOME":"YES","WAKEFUL_EYE":"YES","CARE_TAKEOVER":"YES"}""";
    private static final String REASON = "Called the GP back: a wakend oog is needed, no rehabilitation";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    private MatchingApi api;
    private TopicRecorder recorder;
    private final List<String[]> locations = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new MatchingApi(web, db);
        recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), EventCatalogue.REQUESTS.name()));
    }

    @AfterEach
    void emptyReplica() {
        recorder.close();
        locations.forEach(location -> api.publish(location[0], location[1], 0, 100));
    }

    private String location(String careType) {
        String id = api.regionWithOneLocation("loc-triage-", careType, 1);
        locations.add(new String[] {id, careType});
        return id;
    }

    private static String request(String careType, String answers) {
        return """
                {"region":"drenthe",%s"urgency":"CRISIS","residence":{"postcode":"9401"},"funder":"zilveren-kruis",
                 "contact":{"name":"Huisartsenpost Assen","phone":"0592 123456"}%s}"""
                .formatted(careType == null ? "" : "\"careType\":\"" + careType + "\",",
                        answers == null ? "" : ",\"triage\":{\"answers\":" + answers + "}");
    }

    @Test
    void theRegionsQuestionsAndThePreviewOfItsAdvice() {
        location("ELV_HOOG");
        web.get().uri("/api/v1/regions/drenthe/triage").headers(MatchingApi.asReferrer()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.questions.length()").isEqualTo(8)
                .jsonPath("$.questions[0].code").isEqualTo("HOSPITAL_CARE")
                .jsonPath("$.questions[5].text").value(text -> assertThat((String) text).contains("wakend oog"));
        web.get().uri("/api/v1/regions/drenthe/triage").headers(MatchingApi.asCoordinator()).exchange()
                .expectStatus().isOk();
        web.get().uri("/api/v1/regions/nowhere/triage").headers(MatchingApi.asReferrer()).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/regions/drenthe/triage").headers(TestTokens.as(TestTokens.admin())).exchange()
                .expectStatus().isForbidden();

        preview("{\"answers\":" + WAKEFUL_EYE_CARER_GONE + "}").expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("CARE_TYPE")
                .jsonPath("$.careType").isEqualTo("ELV_HOOG")
                .jsonPath("$.ruleId").isEqualTo("elv-high")
                .jsonPath("$.explanation").value(text -> assertThat((String) text).contains("ELV hoogcomplex"))
                .jsonPath("$.reasons[3].question").isEqualTo("WAKEFUL_EYE")
                .jsonPath("$.reasons[3].answer").isEqualTo("YES");
        preview("{\"answers\":{\"HOSPITAL_CARE\":\"YES\"}}").expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("NOT_TEMPORARY_STAY")
                .jsonPath("$.advice").isEqualTo("HOSPITAL");
        preview("{\"answers\":{}}").expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("UNDECIDED");

        problem(preview("{\"answers\":{\"SMOKER\":\"YES\"}}"), "triage.answers.SMOKER");
        problem(preview("{\"answers\":{\"PALLIATIVE\":\"MAYBE\"}}"), "triage.answers.PALLIATIVE");
        problem(preview("{\"answers\":{\"PALLIATIVE\":\"YES\",\"REHABILITATION\":\"YES\"}}"), "triage.answers");
        problem(preview("{}"), "answers");
    }

    @Test
    void aGpWhoDoesNotKnowTheCareTypeGetsTheSuggestionAndTheRequestIsMatchedWithIt() {
        location("ELV_HOOG");
        RequestView submitted = submitted(request(null, WAKEFUL_EYE_CARER_GONE));

        assertThat(submitted.careType()).isEqualTo("ELV_HOOG");
        assertThat(submitted.triage().chosenCareType()).isEqualTo("ELV_HOOG");
        assertThat(submitted.triage().suggestion().ruleId()).isEqualTo("elv-high");
        assertThat(submitted.triage().answers()).containsEntry("WAKEFUL_EYE", "YES");
        awaitOne(HoldRequested.class, hold -> hold.requestId().equals(submitted.id()));
        assertThat(api.view(submitted.id()).triage().suggestion().explanation()).contains("ELV hoogcomplex");
        // the answers never leave request-matching
        assertThat(recorder.payloads(RequestSubmitted.class, event -> event.requestId().equals(submitted.id())))
                .singleElement().satisfies(event -> assertThat(event.toString()).doesNotContain("WAKEFUL_EYE"));
    }

    @Test
    void theReferrerMayChooseAnotherCareTypeThanSuggested() {
        location("ELV_LAAG");
        RequestView submitted = submitted(request("ELV_LAAG", WAKEFUL_EYE_CARER_GONE));

        assertThat(submitted.careType()).isEqualTo("ELV_LAAG");
        assertThat(submitted.triage().suggestion().careType()).isEqualTo("ELV_HOOG");
        assertThat(submitted.triage().chosenCareType()).isEqualTo("ELV_LAAG");
    }

    @Test
    void badTriageInputIsRefusedAndNothingIsStored() {
        long before = requests();
        refusedSubmit(request(null, "{\"HOSPITAL_CARE\":\"YES\"}"), "careType", "HOSPITAL");
        refusedSubmit(request(null, "{\"SMOKER\":\"NO\"}"), "triage.answers.SMOKER", null);
        refusedSubmit(request(null, "{\"WAKEFUL_EYE\":\"SOMETIMES\"}"), "triage.answers.WAKEFUL_EYE", null);
        refusedSubmit(request(null, "{\"CARER_RESPITE\":\"YES\",\"CARE_TAKEOVER\":\"YES\"}"), "triage.answers",
                null);
        refusedSubmit(request("NO_SUCH_TYPE", WAKEFUL_EYE_CARER_GONE), "careType", null);
        refusedSubmit(request(null, null), "careType", null);
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void anUndecidedRequestAwaitsTheCoordinatorWhoSetsTheCareTypeAndItIsOffered() {
        String location = location("ELV_LAAG");
        RequestView submitted = submitted(request(null, "{\"HOSPITAL_CARE\":\"NO\",\"RETURN_HOME\":\"UNKNOWN\"}"));
        String id = submitted.id();

        assertThat(submitted.status()).isEqualTo("AWAITING_TRIAGE");
        assertThat(submitted.careType()).isNull();
        assertThat(submitted.triage().suggestion().outcome().name()).isEqualTo("UNDECIDED");
        assertThat(submitted.triage().chosenCareType()).isNull();
        RequestEscalated escalated = awaitOne(RequestEscalated.class, event -> event.requestId().equals(id));
        assertThat(escalated.reason()).isEqualTo("TRIAGE_NEEDED");
        assertThat(escalated.careType()).isNull();
        assertThat(escalated.detailCode()).isEqualTo("TRIAGE_NEEDED");
        web.get().uri("/api/v1/regions/drenthe/requests").headers(MatchingApi.asCoordinator()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].status").isEqualTo("AWAITING_TRIAGE");

        // refusals first: they change nothing
        String valid = "{\"careType\":\"ELV_LAAG\",\"reason\":\"" + REASON + "\"}";
        refusedCareType(id, MatchingApi.asReferrer(), valid, HttpStatus.FORBIDDEN, null);
        refusedCareType(id, TestTokens.as(TestTokens.coordinator("groningen")), valid, HttpStatus.NOT_FOUND, null);
        refusedCareType(id, MatchingApi.asCoordinator(), "{\"careType\":\"ELV_LAAG\"}", HttpStatus.BAD_REQUEST,
                "reason");
        refusedCareType(id, MatchingApi.asCoordinator(), "{\"careType\":\"NO_SUCH_TYPE\",\"reason\":\"" + REASON
                + "\"}", HttpStatus.BAD_REQUEST, "careType");
        assertThat(api.view(id).status()).isEqualTo("AWAITING_TRIAGE");

        web.post().uri("/api/v1/requests/{id}/care-type", id).headers(MatchingApi.asCoordinator())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(valid).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.careType").isEqualTo("ELV_LAAG")
                .jsonPath("$.decisions[0].kind").isEqualTo("CARE_TYPE_SET")
                .jsonPath("$.decisions[0].reason").isEqualTo(REASON)
                .jsonPath("$.neededBy").isNotEmpty();
        CareTypeChanged changed = awaitOne(CareTypeChanged.class, event -> event.requestId().equals(id));
        assertThat(changed.careType()).isEqualTo("ELV_LAAG");
        assertThat(changed.previousCareType()).isNull();
        assertThat(changed.toString()).doesNotContain(REASON);
        HoldRequested hold = awaitOne(HoldRequested.class, event -> event.requestId().equals(id));
        assertThat(hold.careType()).isEqualTo("ELV_LAAG");
        assertThat(api.audit(id, "CARE_TYPE_SET")).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("coordinator@drenthe");
            assertThat(entry.reason()).isEqualTo("care type (none: triage) -> ELV_LAAG: " + REASON);
        });
        if (hold.locationId().equals(location)) {
            TestEventProducer.shared().send(new BedHeld(hold.offerId(), id, location, "ELV_LAAG", null, null, 0, 0,
                    Instant.now()));
            api.awaitStatus(id, "OFFERED");
        }
    }

    @Test
    void reTriageWithdrawsTheOfferInFlightAndMatchesTheRequestAgain() {
        String first = location("ELV_LAAG");
        location("GRZ");
        RequestView submitted = submitted(request("ELV_LAAG", null));
        String id = submitted.id();
        HoldRequested hold = awaitOne(HoldRequested.class, event -> event.requestId().equals(id));
        TestEventProducer.shared().send(new BedHeld(hold.offerId(), id, hold.locationId(), "ELV_LAAG", null, null, 0,
                0, Instant.now()));
        api.awaitStatus(id, "OFFERED");
        assertThat(first).isNotBlank();

        web.post().uri("/api/v1/requests/{id}/care-type", id).headers(MatchingApi.asCoordinator())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"careType\":\"GRZ\",\"reason\":\"Revalidatiedoel na overleg met de huisarts\"}")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.careType").isEqualTo("GRZ")
                .jsonPath("$.offers[0].status").isEqualTo("WITHDRAWN");

        OfferWithdrawn withdrawn = awaitOne(OfferWithdrawn.class, event -> event.offerId().equals(hold.offerId()));
        assertThat(withdrawn.reason()).isEqualTo("CARE_TYPE_CHANGED");
        CareTypeChanged changed = awaitOne(CareTypeChanged.class, event -> event.requestId().equals(id));
        assertThat(changed.previousCareType()).isEqualTo("ELV_LAAG");
        HoldRequested again = awaitOne(HoldRequested.class,
                event -> event.requestId().equals(id) && event.careType().equals("GRZ"));
        assertThat(again.offerId()).isNotEqualTo(hold.offerId());
        // the same type again is no change
        refusedCareType(id, MatchingApi.asCoordinator(), "{\"careType\":\"GRZ\",\"reason\":\"Nog een keer\"}",
                HttpStatus.BAD_REQUEST, "careType");
    }

    private WebTestClient.ResponseSpec preview(String body) {
        return web.post().uri("/api/v1/regions/drenthe/triage").headers(MatchingApi.asReferrer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private RequestView submitted(String body) {
        RequestView view = web.post().uri("/api/v1/requests").headers(MatchingApi.asReferrer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(RequestView.class).returnResult().getResponseBody();
        assertThat(view).isNotNull();
        return view;
    }

    private void refusedSubmit(String body, String field, String detail) {
        WebTestClient.BodyContentSpec problem = problem(web.post().uri("/api/v1/requests")
                .headers(MatchingApi.asReferrer()).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(),
                field);
        if (detail != null) {
            problem.jsonPath("$.detail").value(text -> assertThat((String) text).contains(detail));
        }
    }

    private void refusedCareType(String id, Consumer<HttpHeaders> as, String body, HttpStatus status, String field) {
        WebTestClient.BodyContentSpec problem = web.post().uri("/api/v1/requests/{id}/care-type", id).headers(as)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody();
        if (field != null) {
            problem.jsonPath("$.errors[0].field").isEqualTo(field);
        }
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, String field) {
        return response.expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private long requests() {
        return db.sql("SELECT count(*) FROM request").map((row, meta) -> row.get(0, Long.class)).one()
                .block(MatchingApi.TIMEOUT);
    }

    private <T> T awaitOne(Class<T> type, Predicate<T> filter) {
        return MatchingApi.awaitFirst(recorder, type, filter);
    }
}
