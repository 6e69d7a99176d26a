package nl.adempauze.benchmarks.load;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Bearer tokens of the development issuer's demo users (client credentials, secret {@code demo}), one per user for
 * the run, and which demo user acts for a provider.
 */
public final class Tokens {

    private static final String SECRET = "demo";

    private final WebClient web;
    private final String issuerUrl;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile List<Map<?, ?>> users;

    public Tokens(WebClient web, String issuerUrl) {
        this.web = web;
        this.issuerUrl = issuerUrl;
    }

    /** The {@code Authorization} header value for this demo user. */
    public String bearer(String user) {
        return "Bearer " + tokens.computeIfAbsent(user, this::fetch);
    }

    /** The demo user acting for this provider (role PROVIDER, {@code org} = provider id). */
    public String providerUser(String providerId) {
        return users().stream()
                .filter(user -> ((List<?>) user.get("roles")).contains("PROVIDER")
                        && providerId.equals(user.get("org")))
                .map(user -> (String) user.get("id")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No demo user for provider " + providerId));
    }

    @SuppressWarnings("unchecked")
    private List<Map<?, ?>> users() {
        if (users == null) {
            users = (List<Map<?, ?>>) (List<?>) web.get().uri(issuerUrl + "/auth/users").retrieve()
                    .bodyToMono(List.class).block();
        }
        return users;
    }

    private String fetch(String user) {
        Map<?, ?> answer = web.post().uri(issuerUrl + "/auth/token")
                .headers(headers -> headers.setBasicAuth(user, SECRET))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
                .retrieve().bodyToMono(Map.class).block();
        if (answer == null || answer.get("access_token") == null) {
            throw new IllegalStateException("No token for " + user + ": " + answer);
        }
        return (String) answer.get("access_token");
    }
}
