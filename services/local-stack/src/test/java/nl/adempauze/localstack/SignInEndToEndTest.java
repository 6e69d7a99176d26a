package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Signing in as a newcomer does, through the front door with plain HTTP (what the README's curl lines send): a token
 * from {@code /auth/token} opens the API; no token, a broken one or one from another issuer gets 401.
 */
class SignInEndToEndTest {

    private static final String CAPACITY = "/api/v1/regions/drenthe/capacity";

    private final E2eStack stack = E2eStack.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenFromTheIssuerOpensTheApiThroughTheFrontDoor() throws Exception {
        // curl -s -u huisarts-assen:demo -d grant_type=client_credentials localhost:8080/auth/token
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(stack.url() + "/auth/token"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("huisarts-assen:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        // what the README's sed line does
        String accessToken = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        assertThat(accessToken).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

        HttpResponse<String> capacity = get(CAPACITY, "Bearer " + accessToken);
        assertThat(capacity.statusCode()).isEqualTo(200);
        assertThat(capacity.body()).contains("loc-assen-de-hoogte");
    }

    @Test
    void withoutAValidTokenOfTheDevelopmentIssuerTheApiAnswers401() throws Exception {
        HttpResponse<String> none = get(CAPACITY, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));

        assertThat(get(CAPACITY, "Bearer not-a-token").statusCode()).isEqualTo(401);
        // well-formed and signed, but by another key and issuer than the development issuer
        HttpResponse<String> foreign = get(CAPACITY, "Bearer " + TestTokens.coordinator("drenthe"));
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(foreign.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(header ->
                assertThat(header).contains("invalid_token"));
    }

    @Test
    void theIssuerDescribesItselfThroughTheFrontDoor() throws Exception {
        HttpResponse<String> discovery = get("/auth/.well-known/openid-configuration", null);
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"http://localhost:8080/auth\"");
        HttpResponse<String> users = get("/auth/users", null);
        assertThat(users.body()).contains("huisarts-assen", "coordinator-drenthe", "admin");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
