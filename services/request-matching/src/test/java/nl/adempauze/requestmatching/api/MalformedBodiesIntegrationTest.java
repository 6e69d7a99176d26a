package nl.adempauze.requestmatching.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.platform.testing.MalformedBodyCheck;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.platform.testing.UnstorableTextCheck;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every write endpoint of request-matching against malformed bodies (every field missing or of a wrong kind,
 * unknown fields, broken JSON, random corruption): never a 5xx, always a problem, and a refusal stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = {"spring.config.name=request-matching", "adempauze.matching.hold-answer-timeout=PT1H",
                // no sweep of the crisis queue in the background: it re-ranks the escalated request while bodies
                // are refused, and "a refusal changes no row" would blame the refusal
                "adempauze.matching.calendar-check-interval=PT1H",
                // a fuzzer sends far more than a person does
                "adempauze.rate-limit.requests-per-second=10000", "adempauze.rate-limit.burst=10000"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class MalformedBodiesIntegrationTest {

    private static final String REGION = "drenthe";
    private static final String CARE_TYPE = "ELV_HOOG";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int RANDOM_VARIANTS = 30;
    private static final String SUBMIT = """
            {"region":"drenthe","careType":"ELV_HOOG","urgency":"CRISIS","residence":{"postcode":"9401"},
             "needs":["DEMENTIA"],"funder":"zilveren-kruis","neededBy":"%s",
             "contact":{"name":"Dokter Brink","phone":"0592 300 300"},"stay":{"nights":5},
             "patient":{"name":"Jan Fuzz","dateOfBirth":"1940-02-03","bsn":"111222333","phone":"0592 111 222",
                        "address":{"street":"Markt","houseNumber":"1","postcode":"9401 GX","city":"Assen"}}}""";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    private MatchingApi api;
    private String location;
    private TopicRecorder recorder;

    @BeforeEach
    void feedReplica() {
        api = new MatchingApi(web, db);
        location = api.regionWithOneLocation("loc-fuzz-", CARE_TYPE, 1);
        recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), EventCatalogue.REQUESTS.name()));
    }

    @AfterEach
    void closeRecorder() {
        recorder.close();
    }

    @Test
    void everyWriteEndpointRefusesMalformedBodiesWithAProblemAndStoresNothing() {
        String submit = SUBMIT.formatted(Instant.now().plus(Duration.ofHours(6)));
        MalformedBodyCheck.check(web, db, HttpMethod.POST, "/api/v1/requests", MatchingApi.asReferrer(), submit,
                RANDOM_VARIANTS);
        // text PostgreSQL cannot store (a NUL, an unpaired surrogate) in every field: refused, never a 500
        List<String> refused = UnstorableTextCheck.check(web, db, HttpMethod.POST, "/api/v1/requests",
                MatchingApi.asReferrer(), submit);
        assertThat(refused).filteredOn(variant -> variant.contains("NUL")).contains("contact.name with a NUL character",
                "patient.name with a NUL character", "patient.address.street with a NUL character",
                "needs[0] with a NUL character");

        String requestId = api.submit(submit);
        HoldRequested hold = MatchingApi.awaitFirst(recorder, HoldRequested.class,
                candidate -> candidate.requestId().equals(requestId));
        TestEventProducer.shared().send(new BedHeld(hold.offerId(), requestId, location, CARE_TYPE, null, null, 0, 0,
                Instant.now()));
        MatchingApi.awaitFirst(recorder, OfferMade.class, made -> made.offerId().equals(hold.offerId()));
        // quiet: nothing is left in flight that could change rows while bodies are refused
        await().atMost(TIMEOUT).until(() -> db.sql("SELECT count(*) FROM outbox_event")
                .map((row, meta) -> row.get(0, Long.class)).one().block() == 0L);

        String provider = TestTokens.provider("provider-" + location);
        MalformedBodyCheck.check(web, db, HttpMethod.PUT, "/api/v1/requests/" + requestId + "/patient",
                MatchingApi.asReferrer(), """
                        {"name":"Jan Fuzz","dateOfBirth":"1940-02-03","bsn":"111222333","phone":"0592 111 222",
                         "address":{"street":"Markt","houseNumber":"1","postcode":"9401 GX","city":"Assen"}}""",
                RANDOM_VARIANTS);
        UnstorableTextCheck.check(web, db, HttpMethod.PUT, "/api/v1/requests/" + requestId + "/patient",
                MatchingApi.asReferrer(), "{\"name\":\"Jan Fuzz\",\"dateOfBirth\":\"1940-02-03\",\"phone\":\"0592 1\"}");
        String handover = """
                {"reasonForAdmission":"Gevallen","problems":[{"name":"Heupfractuur","type":"DIAGNOSIS"}],
                 "dailyCare":{"transfers":"ONE_PERSON","urinaryCatheter":true},"infection":{"isolation":"CONTACT"},
                 "allergies":[{"substance":"Penicilline"}],"resuscitationPolicy":"NOT_DISCUSSED",
                 "informalCarer":{"name":"Anna","phone":"06 1234 5678"}}""";
        MalformedBodyCheck.check(web, db, HttpMethod.PUT, "/api/v1/requests/" + requestId + "/handover",
                MatchingApi.asReferrer(), handover, RANDOM_VARIANTS);
        UnstorableTextCheck.check(web, db, HttpMethod.PUT, "/api/v1/requests/" + requestId + "/handover",
                MatchingApi.asReferrer(), handover);
        UnstorableTextCheck.check(web, db, HttpMethod.POST, "/api/v1/offers/" + hold.offerId() + "/decline",
                TestTokens.as(provider), "{\"reason\":\"geen personeel\",\"reasonCode\":\"NO_STAFF\"}");
        MalformedBodyCheck.check(web, db, HttpMethod.POST, "/api/v1/requests/" + requestId + "/priority",
                MatchingApi.asCoordinator(), "{\"reason\":\"wacht al lang\"}", RANDOM_VARIANTS);
        MalformedBodyCheck.check(web, db, HttpMethod.POST, "/api/v1/requests/" + requestId + "/protection-override",
                MatchingApi.asCoordinator(), "{\"reason\":\"nood\"}", RANDOM_VARIANTS);
        MalformedBodyCheck.check(web, db, HttpMethod.POST, "/api/v1/offers/" + hold.offerId() + "/decline",
                TestTokens.as(provider), "{\"reason\":\"geen personeel\",\"reasonCode\":\"NO_STAFF\"}",
                RANDOM_VARIANTS);
        MalformedBodyCheck.check(web, db, HttpMethod.POST, "/api/v1/offers/" + hold.offerId() + "/accept",
                TestTokens.as(provider), "{\"expectedAdmissionAt\":\"" + Instant.now().plus(Duration.ofHours(3)) + "\"}",
                RANDOM_VARIANTS);
        MalformedBodyCheck.check(web, db, HttpMethod.POST, "/api/v1/requests/" + requestId + "/cancel",
                MatchingApi.asReferrer(), "{\"reason\":\"niet meer nodig\",\"series\":false}", RANDOM_VARIANTS);
    }
}
