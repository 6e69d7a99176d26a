package nl.adempauze.localstack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Bearer tokens for the demo users, fetched from the local stack's development issuer over HTTP the way a newcomer
 * does it ({@code POST /auth/token}, client credentials, secret {@code demo}), and kept for the test run.
 */
final class DemoTokens {

    static final String SECRET = "demo";

    private final WebClient issuer;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile List<Map<?, ?>> users;

    /** {@code baseUrl}: the front door (or the issuer itself); the token endpoint is {@code /auth/token}. */
    DemoTokens(String baseUrl) {
        this.issuer = WebClient.create(baseUrl);
    }

    /** The user's token (one per user for the run: they last 8 hours). */
    String token(String user) {
        return tokens.computeIfAbsent(user, this::fetch);
    }

    /** Sets the user's token as the bearer token: {@code .headers(tokens.as("huisarts-assen"))}. */
    Consumer<HttpHeaders> as(String user) {
        String token = token(user);
        return headers -> headers.setBearerAuth(token);
    }

    /** The demo users as the issuer lists them ({@code GET /auth/users}): id, name, roles, org, regions. */
    @SuppressWarnings("unchecked")
    List<Map<?, ?>> users() {
        if (users == null) {
            users = (List<Map<?, ?>>) (List<?>) issuer.get().uri("/auth/users").retrieve().bodyToMono(List.class)
                    .block();
        }
        return users;
    }

    /** The demo user who acts for this provider (role PROVIDER, {@code org} = the provider id). */
    String providerUser(String providerId) {
        return users().stream()
                .filter(user -> ((List<?>) user.get("roles")).contains("PROVIDER") && providerId.equals(user.get("org")))
                .map(user -> (String) user.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no demo user for provider " + providerId
                        + " in seeds/demo-users.json"));
    }

    private String fetch(String user) {
        Map<?, ?> answer = issuer.post().uri("/auth/token")
                .headers(headers -> headers.setBasicAuth(user, SECRET))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
                .retrieve().bodyToMono(Map.class).block();
        if (answer == null || !"Bearer".equals(answer.get("token_type")) || answer.get("access_token") == null) {
            throw new AssertionError("no token for " + user + ": " + answer);
        }
        return (String) answer.get("access_token");
    }
}
