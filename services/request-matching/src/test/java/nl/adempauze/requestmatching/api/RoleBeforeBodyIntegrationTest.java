package nl.adempauze.requestmatching.api;

import java.util.stream.Stream;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The role is checked before the body (docs/SECURITY.md): a role that may never call an endpoint gets 403 whatever
 * body it sends, invalid or not; a role that may call it gets the 400 about its body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = "spring.config.name=request-matching")
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class RoleBeforeBodyIntegrationTest {

    /** Not a valid body for any endpoint here: an unknown field, a missing region, a number for text. */
    private static final String INVALID = "{\"region\":7,\"whoAmI\":\"someone else\"}";
    private static final String PROVIDER = TestTokens.provider("zorggroep-drentse-aa");
    private static final String REFERRER = TestTokens.referrer("huisartsenpost-assen");
    private static final String ADMIN = TestTokens.admin();

    @Autowired
    WebTestClient web;

    static Stream<Arguments> mayNeverCall() {
        return Stream.of(
                calls("a provider", PROVIDER, """
                        POST /api/v1/requests
                        PUT /api/v1/requests/req-x/patient
                        PUT /api/v1/requests/req-x/handover
                        POST /api/v1/requests/req-x/cancel
                        POST /api/v1/requests/req-x/care-type
                        POST /api/v1/regions/drenthe/triage"""),
                calls("a referrer", REFERRER, """
                        POST /api/v1/requests/req-x/protection-override
                        POST /api/v1/requests/req-x/priority
                        POST /api/v1/requests/req-x/manual-offer
                        POST /api/v1/requests/req-x/queue/pause
                        POST /api/v1/offers/off-x/accept"""),
                calls("an admin", ADMIN, """
                        POST /api/v1/requests
                        POST /api/v1/requests/req-x/queue/resume"""),
                calls("a coordinator", TestTokens.coordinator("drenthe"), "POST /api/v1/offers/off-x/decline"))
                .flatMap(calls -> calls);
    }

    /** One case per line of {@code endpoints} ("METHOD path"), all called by {@code who}. */
    private static Stream<Arguments> calls(String who, String token, String endpoints) {
        return endpoints.lines().map(line -> line.split(" ", 2))
                .map(call -> Arguments.of(who, token, HttpMethod.valueOf(call[0]), call[1]));
    }

    @ParameterizedTest(name = "{0}: {2} {3} with an invalid body is 403")
    @MethodSource("mayNeverCall")
    void aRoleThatMayNeverCallIsRefusedBeforeItsBodyIsRead(String who, String token, HttpMethod method, String path) {
        web.method(method).uri(path).headers(TestTokens.as(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(INVALID).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void aRoleThatMayCallStillHearsWhatIsWrongWithItsBody() {
        web.post().uri("/api/v1/requests").headers(TestTokens.as(REFERRER)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(INVALID).exchange()
                .expectStatus().isBadRequest();
        web.post().uri("/api/v1/offers/off-x/accept").headers(TestTokens.as(PROVIDER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(INVALID).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void withoutATokenItIsStill401() {
        web.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).bodyValue(INVALID).exchange()
                .expectStatus().isUnauthorized();
    }
}
