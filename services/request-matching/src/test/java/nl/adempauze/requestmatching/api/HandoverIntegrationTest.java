package nl.adempauze.requestmatching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.domain.AuditEntry;
import nl.adempauze.requestmatching.domain.Handover;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The handover before acceptance (aanmeldbericht) on a real database and broker: given with a request or later,
 * sealed at rest, read by the referrer organisation, the region's coordinators and the provider of an open or
 * accepted offer (each read audited), hidden from everyone else, refused when malformed, changed only while the
 * request is open. Events only say that a handover is available (its purge: PatientPrivacyIntegrationTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = "spring.config.name=request-matching")
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class HandoverIntegrationTest {

    private static final String CARE_TYPE = "ELV_HOOG";
    /** Text distinctive enough that finding it anywhere cannot be a coincidence. */
    private static final String CANARY = "Heupfractuur-Kwakernaat-7391";
    private static final String HANDOVER = """
            {"reasonForAdmission":"Gevallen thuis; %s","problems":[{"name":"Delier bij %s","type":"DIAGNOSIS"}],
             "dailyCare":{"mobility":"WITH_AID","transfers":"ONE_PERSON","washing":"PARTLY_DEPENDENT",
                          "toileting":"FULLY_DEPENDENT","eating":"INDEPENDENT","urinaryCatheter":true,"stoma":false},
             "cognitionAndBehaviour":{"delirium":true,"wandering":false,"agitation":true,"notes":"onrustig"},
             "nursingCare":{"wounds":true,"injections":false,"oxygen":false,"tubeFeeding":false},
             "infection":{"isolation":"CONTACT","carrierOf":"MRSA"},
             "allergies":[{"substance":"Penicilline","reaction":"huiduitslag"}],
             "resuscitationPolicy":"DO_NOT_RESUSCITATE",
             "informalCarer":{"name":"Anna Kwakernaat","relationship":"dochter","phone":"06 1234 5678"}}"""
            .formatted(CANARY, CANARY);
    private static final String REQUEST = """
            {"region":"drenthe","careType":"ELV_HOOG","urgency":"CRISIS","residence":{"postcode":"9401"},
             "needs":["DEMENTIA"],"funder":"zilveren-kruis",
             "contact":{"name":"Dokter Brink","phone":"0592 300 300"}%s}""";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    private MatchingApi api;
    private String location;
    private String provider;
    private TopicRecorder recorder;
    private final List<String> submitted = new ArrayList<>();

    @BeforeEach
    void feedReplica() {
        api = new MatchingApi(web, db);
        location = api.regionWithOneLocation("loc-handover-", CARE_TYPE, 1);
        provider = TestTokens.provider("provider-" + location);
        recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), EventCatalogue.REQUESTS.name()));
    }

    @AfterEach
    void cleanUp() {
        // closed, nothing of these requests keeps running into the tests that share this database
        for (String requestId : submitted) {
            web.post().uri("/api/v1/requests/{id}/cancel", requestId).headers(MatchingApi.asReferrer()).exchange()
                    .expectStatus().isOk();
        }
        recorder.close();
        api.publish(location, CARE_TYPE, 0, 2);
    }

    @Test
    void theOfferedProviderReadsTheHandoverBeforeAcceptingAndEveryReadIsAudited() {
        String requestId = submit(REQUEST.formatted(",\"handover\":" + HANDOVER));
        assertThat(api.view(requestId).handoverAvailable()).isTrue();

        // sealed at rest
        String sealed = db.sql("SELECT sealed FROM handover WHERE request_id = :id").bind("id", requestId)
                .map((row, meta) -> row.get("sealed", String.class)).one().block();
        assertThat(sealed).isNotBlank().doesNotContain(CANARY).doesNotContain("MRSA").doesNotContain("Kwakernaat");

        // the referrer organisation and the region's coordinator read it
        Handover asReferrer = handover(requestId, MatchingApi.asReferrer());
        assertThat(asReferrer.reasonForAdmission()).isEqualTo("Gevallen thuis; " + CANARY);
        assertThat(asReferrer.dailyCare().transfers()).isEqualTo(Handover.Transfers.ONE_PERSON);
        assertThat(asReferrer.infection().isolation()).isEqualTo(Handover.Isolation.CONTACT);
        assertThat(asReferrer.informalCarer().relationship()).isEqualTo("dochter");
        assertThat(handover(requestId, MatchingApi.asCoordinator()).resuscitationPolicy())
                .isEqualTo(Handover.ResuscitationPolicy.DO_NOT_RESUSCITATE);
        // nobody else through the request
        getRequestHandover(requestId, TestTokens.referrer("wza-transferpunt")).expectStatus().isNotFound();
        getRequestHandover(requestId, TestTokens.coordinator("groningen")).expectStatus().isNotFound();
        getRequestHandover(requestId, provider).expectStatus().isForbidden();
        getRequestHandover(requestId, TestTokens.admin()).expectStatus().isForbidden();

        // before the bed is held there is no offer to read it by
        HoldRequested hold = MatchingApi.awaitFirst(recorder, HoldRequested.class,
                candidate -> candidate.requestId().equals(requestId));
        getOfferHandover(hold.offerId(), provider).expectStatus().isNotFound();
        TestEventProducer.shared().send(new BedHeld(hold.offerId(), requestId, location, CARE_TYPE, null, null, 0, 0,
                Instant.now()));
        OfferMade made = MatchingApi.awaitFirst(recorder, OfferMade.class,
                offer -> offer.offerId().equals(hold.offerId()));
        assertThat(made.handoverAvailable()).isTrue();

        // the provider reads it on the open offer, before answering; nobody else by the offer
        OfferView offer = web.get().uri("/api/v1/offers/{id}", hold.offerId()).headers(TestTokens.as(provider))
                .exchange().expectStatus().isOk().expectBody(OfferView.class).returnResult().getResponseBody();
        assertThat(offer.status()).isEqualTo("OPEN");
        assertThat(offer.handoverAvailable()).isTrue();
        assertThat(offer.patient()).isNull();
        Handover asProvider = getOfferHandover(hold.offerId(), provider).expectStatus().isOk()
                .expectBody(Handover.class).returnResult().getResponseBody();
        assertThat(asProvider.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.name()).isEqualTo("Delier bij " + CANARY);
            assertThat(problem.type()).isEqualTo(Handover.ProblemType.DIAGNOSIS);
        });
        assertThat(asProvider.cognitionAndBehaviour().agitation()).isTrue();
        getOfferHandover(hold.offerId(), TestTokens.provider("another-provider")).expectStatus().isNotFound();
        getOfferHandover(hold.offerId(), MatchingApi.COORDINATOR).expectStatus().isForbidden();
        getOfferHandover(hold.offerId(), MatchingApi.REFERRER).expectStatus().isForbidden();

        // and still once it accepted
        web.post().uri("/api/v1/offers/{id}/accept", hold.offerId()).headers(TestTokens.as(provider)).exchange()
                .expectStatus().isOk();
        getOfferHandover(hold.offerId(), provider).expectStatus().isOk();

        List<AuditEntry> reads = audit("requestId=" + requestId + "&action=HANDOVER_READ");
        assertThat(reads).extracting(entry -> entry.role() + " of " + entry.organisation() + ": " + entry.reason())
                .containsExactly(
                        "PROVIDER of provider-" + location + ": provider admitting the patient of accepted offer "
                                + hold.offerId(),
                        "PROVIDER of provider-" + location + ": provider judging open offer " + hold.offerId(),
                        "COORDINATOR of coordinatiepunt: coordinator of the request's region",
                        "REFERRER of " + MatchingApi.REFERRER_ORGANISATION
                                + ": referrer organisation following its request");
        assertThat(audit("requestId=" + requestId + "&action=HANDOVER_RECORDED")).singleElement()
                .satisfies(entry -> assertThat(entry.role()).isEqualTo("REFERRER"));

        // no event carries the handover: at most that there is one
        MatchingApi.awaitFirst(recorder, RequestSubmitted.class, submitted -> submitted.requestId().equals(requestId));
        assertThat(recorder.all()).allSatisfy(seen -> assertThat(new String(seen.raw(), StandardCharsets.UTF_8))
                .doesNotContain(CANARY).doesNotContain("Kwakernaat").doesNotContain("MRSA")
                .doesNotContain("Penicilline").doesNotContain("DO_NOT_RESUSCITATE").doesNotContain("ONE_PERSON"));
    }

    @Test
    void aProviderWhoseOfferEndedGetsNotFound() {
        String requestId = submit(REQUEST.formatted(",\"handover\":" + HANDOVER));
        HoldRequested hold = MatchingApi.awaitFirst(recorder, HoldRequested.class,
                candidate -> candidate.requestId().equals(requestId));
        TestEventProducer.shared().send(new BedHeld(hold.offerId(), requestId, location, CARE_TYPE, null, null, 0, 0,
                Instant.now()));
        MatchingApi.awaitFirst(recorder, OfferMade.class, offer -> offer.offerId().equals(hold.offerId()));
        getOfferHandover(hold.offerId(), provider).expectStatus().isOk();

        web.post().uri("/api/v1/offers/{id}/decline", hold.offerId()).headers(TestTokens.as(provider))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"zorg te complex\",\"reasonCode\":\"CARE_TOO_COMPLEX\"}")
                .exchange().expectStatus().isOk();
        getOfferHandover(hold.offerId(), provider).expectStatus().isNotFound();
        getOfferHandover("no-such-offer", provider).expectStatus().isNotFound();
        assertThat(audit("requestId=" + requestId + "&action=HANDOVER_READ")).hasSize(1);
    }

    @Test
    void aBadHandoverIsRefusedNamingTheFieldAndNothingIsStored() {
        long requestsBefore = count("SELECT count(*) FROM request");
        assertRefused(HANDOVER.replace("Gevallen thuis; ", "x".repeat(1001)), "handover.reasonForAdmission");
        assertRefused(HANDOVER.replace("\"ONE_PERSON\"", "\"THREE_PERSONS\""), "handover.dailyCare.transfers");
        assertRefused(HANDOVER.replace("\"ONE_PERSON\"", "1"), "handover.dailyCare.transfers");
        assertRefused(HANDOVER.replace("\"wandering\":false", "\"wandering\":\"soms\""),
                "handover.cognitionAndBehaviour.wandering");
        assertRefused(HANDOVER.replace("\"isolation\":\"CONTACT\"", "\"isolation\":\"STRICT\""),
                "handover.infection.isolation");
        assertRefused(HANDOVER.replace("\"name\":\"Delier bij", "\"name\":\"" + "x".repeat(300)),
                "handover.problems[0].name");
        assertRefused(HANDOVER.replace("\"stoma\":false", "\"stoma\":false,\"colour\":\"red\""),
                "handover.dailyCare.colour");
        assertRefused(HANDOVER.replace("\"problems\":[{", "\"problems\":{"), "handover.problems");
        assertThat(count("SELECT count(*) FROM request")).isEqualTo(requestsBefore);

        // a correction that breaks a rule changes nothing either
        String requestId = submit(REQUEST.formatted(",\"handover\":" + HANDOVER));
        putHandover(requestId, MatchingApi.asReferrer(), HANDOVER.replace("\"HOIST\"", "x")
                .replace("\"ONE_PERSON\"", "\"HOIST\"").replace("\"phone\":\"06 1234 5678\"", "\"phone\":\"bel mij\""))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("informalCarer.phone");
        assertThat(handover(requestId, MatchingApi.asReferrer()).dailyCare().transfers())
                .isEqualTo(Handover.Transfers.ONE_PERSON);
        assertThat(audit("requestId=" + requestId + "&action=HANDOVER_CHANGED")).isEmpty();
    }

    @Test
    void aHandoverIsGivenLaterAndReplacedOnlyWhileTheRequestIsOpen() {
        String requestId = submit(REQUEST.formatted(""));
        assertThat(api.view(requestId).handoverAvailable()).isFalse();
        getRequestHandover(requestId, MatchingApi.REFERRER).expectStatus().isNotFound();

        putHandover(requestId, MatchingApi.asCoordinator(), "{\"reasonForAdmission\":\"Mantelzorger uitgevallen\"}")
                .expectStatus().isNoContent();
        putHandover(requestId, TestTokens.as(TestTokens.referrer("wza-transferpunt")),
                "{\"reasonForAdmission\":\"iemand anders\"}").expectStatus().isNotFound();
        putHandover(requestId, TestTokens.as(provider), "{\"reasonForAdmission\":\"een aanbieder\"}")
                .expectStatus().isForbidden();
        assertThat(api.view(requestId).handoverAvailable()).isTrue();
        putHandover(requestId, MatchingApi.asReferrer(), HANDOVER).expectStatus().isNoContent();
        assertThat(handover(requestId, MatchingApi.asReferrer()).reasonForAdmission()).contains(CANARY);
        assertThat(audit("requestId=" + requestId + "&action=HANDOVER_CHANGED"))
                .extracting(AuditEntry::role).containsExactly("REFERRER", "COORDINATOR");

        web.post().uri("/api/v1/requests/{id}/cancel", requestId).headers(MatchingApi.asReferrer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"opgenomen in ziekenhuis\"}")
                .exchange().expectStatus().isOk();
        putHandover(requestId, MatchingApi.asReferrer(), HANDOVER).expectStatus().isEqualTo(409);
        // still readable until it is purged with the patient's details (PatientPrivacyIntegrationTest)
        getRequestHandover(requestId, MatchingApi.REFERRER).expectStatus().isOk();
    }

    private String submit(String body) {
        String requestId = api.submit(body);
        submitted.add(requestId);
        return requestId;
    }

    private void assertRefused(String handover, String field) {
        web.post().uri("/api/v1/requests").headers(MatchingApi.asReferrer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(REQUEST.formatted(",\"handover\":" + handover)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private Handover handover(String requestId, Consumer<HttpHeaders> signIn) {
        return web.get().uri("/api/v1/requests/{id}/handover", requestId).headers(signIn).exchange()
                .expectStatus().isOk().expectBody(Handover.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec getRequestHandover(String requestId, String token) {
        return web.get().uri("/api/v1/requests/{id}/handover", requestId).headers(TestTokens.as(token)).exchange();
    }

    private WebTestClient.ResponseSpec getOfferHandover(String offerId, String token) {
        return web.get().uri("/api/v1/offers/{id}/handover", offerId).headers(TestTokens.as(token)).exchange();
    }

    private WebTestClient.ResponseSpec putHandover(String requestId, Consumer<HttpHeaders> signIn, String body) {
        return web.put().uri("/api/v1/requests/{id}/handover", requestId).headers(signIn)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private long count(String sql) {
        return db.sql(sql).map((row, meta) -> row.get(0, Long.class)).one().block();
    }

    private List<AuditEntry> audit(String query) {
        return api.audit(query);
    }
}
