package nl.adempauze.localstack.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.adempauze.platform.PlatformDefaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The development issuer on its own (port 0, profile local): its tokens are signed with the key it publishes, name
 * the issuer the services expect and carry each demo user's claims; wrong secrets and unknown users get a 401
 * problem; it lists its users and describes itself.
 */
class DevIssuerTest {

    private static ConfigurableApplicationContext issuer;
    private static WebClient http;
    private static NimbusReactiveJwtDecoder decoder;
    private static DemoUsers users;

    @BeforeAll
    static void start() {
        String file = usersFile().toUri().toString();
        issuer = DevIssuerApplication.run("--server.port=0", "--spring.profiles.active=local",
                "--adempauze.dev-issuer.users=" + file);
        String url = "http://localhost:" + issuer.getEnvironment().getProperty("local.server.port");
        http = WebClient.create(url);
        // what a service in the local profile does: keys from the issuer's JWK set, iss must be the dev issuer
        decoder = NimbusReactiveJwtDecoder.withJwkSetUri(url + "/auth/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(PlatformDefaults.DEV_ISSUER));
        users = DemoUsers.read(file);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void everyDemoUserGetsAnEightHourTokenWithItsClaimsSignedByThePublishedKey() {
        for (DemoUser user : users.all()) {
            ResponseEntity<Map> answer = tokenRequest(user.id(), DemoUsers.SECRET, true);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
            assertThat(answer.getBody()).containsEntry("token_type", "Bearer").containsEntry("expires_in", 28800);
            Jwt jwt = decoder.decode((String) answer.getBody().get("access_token")).block();
            assertThat(jwt.getIssuer()).hasToString("http://localhost:8080/auth");
            assertThat(jwt.getAudience()).as("the services' audience").containsExactly("adempauze");
            assertThat(jwt.getSubject()).isEqualTo(user.id());
            assertThat(jwt.getClaimAsString("name")).isEqualTo(user.name());
            assertThat(jwt.getClaimAsStringList("roles")).isEqualTo(user.roles());
            assertThat(jwt.getClaimAsString("org")).isEqualTo(user.org());
            assertThat(jwt.getClaimAsStringList("regions")).isEqualTo(user.regions());
            assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(8));
        }
    }

    @Test
    void theClientMayAlsoSendItsCredentialsAsFormFields() {
        ResponseEntity<Map> answer = tokenRequest("coordinator-drenthe", "demo", false);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Jwt jwt = decoder.decode((String) answer.getBody().get("access_token")).block();
        assertThat(jwt.getClaimAsStringList("regions")).containsExactly("drenthe");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("COORDINATOR");
    }

    @Test
    void aWrongSecretOrAnUnknownUserIsRefusedWith401AsAProblem() {
        for (var attempt : List.of(List.of("huisarts-assen", "geheim"), List.of("niemand", "demo"),
                List.of("huisarts-assen", ""))) {
            for (boolean basic : List.of(true, false)) {
                ResponseEntity<Map> answer = tokenRequest(attempt.get(0), attempt.get(1), basic);
                assertThat(answer.getStatusCode()).as("%s basic=%s", attempt, basic).isEqualTo(HttpStatus.UNAUTHORIZED);
                assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
                assertThat(answer.getBody()).containsEntry("status", 401).containsEntry("error", "invalid_client")
                        .containsKey("title").doesNotContainKey("access_token");
            }
        }
        // no credentials at all
        ResponseEntity<Map> none = post(BodyInserters.fromFormData("grant_type", "client_credentials"), null);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void onlyTheClientCredentialsGrantIsServed() {
        ResponseEntity<Map> password = post(BodyInserters.fromFormData("grant_type", "password")
                .with("username", "huisarts-assen").with("password", "demo"), null);
        assertThat(password.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(password.getBody()).containsEntry("error", "unsupported_grant_type");
        ResponseEntity<Map> none = post(BodyInserters.fromFormData("client_id", "huisarts-assen")
                .with("client_secret", "demo"), null);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(none.getBody()).containsEntry("error", "invalid_request");
    }

    @Test
    void theUsersTheKeysAndTheDiscoveryDocumentArePublic() {
        List<Map<String, Object>> listed = http.get().uri("/auth/users").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).block();
        assertThat(listed).hasSize(users.all().size()).allSatisfy(user -> assertThat(user)
                .containsKeys("id", "name", "roles", "org", "regions").doesNotContainKey("secret"));

        Map<String, Object> jwks = json("/auth/jwks");
        assertThat((List<?>) jwks.get("keys")).hasSize(1);
        Map<?, ?> key = (Map<?, ?>) ((List<?>) jwks.get("keys")).get(0);
        assertThat(key.get("kty")).isEqualTo("RSA");
        assertThat(key.get("alg")).isEqualTo("RS256");
        assertThat(key.keySet()).map(String::valueOf).contains("kid", "n", "e")
                .as("no private parts").doesNotContain("d", "p", "q", "dp", "dq", "qi");

        Map<String, Object> discovery = json("/auth/.well-known/openid-configuration");
        assertThat(discovery).containsEntry("issuer", PlatformDefaults.DEV_ISSUER)
                .containsEntry("jwks_uri", PlatformDefaults.DEV_ISSUER + "/jwks")
                .containsEntry("token_endpoint", PlatformDefaults.DEV_ISSUER + "/token");
    }

    private static ResponseEntity<Map> tokenRequest(String user, String secret, boolean basic) {
        var form = BodyInserters.fromFormData("grant_type", "client_credentials");
        if (!basic) {
            form = form.with("client_id", user).with("client_secret", secret);
        }
        return post(form, basic ? new String[] {user, secret} : null);
    }

    private static ResponseEntity<Map> post(BodyInserters.FormInserter<String> form, String[] basic) {
        return http.post().uri("/auth/token")
                .headers(headers -> {
                    if (basic != null) {
                        headers.setBasicAuth(basic[0], basic[1]);
                    }
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchangeToMono(response -> response.toEntity(Map.class)).block();
    }

    private static Map<String, Object> json(String path) {
        return http.get().uri(path).retrieve().bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
        }).block();
    }

    static Path usersFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("seeds").resolve("demo-users.json");
            if (Files.exists(file)) {
                return file;
            }
        }
        throw new IllegalStateException("seeds/demo-users.json not found");
    }
}
