package nl.adempauze.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API calls the benchmark makes, each straight to the service that owns it, signed in as a demo user. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);

    /** The status of an answer and what the benchmark reads of it. */
    public record Answer(int status, String location, JsonNode body) {
        public boolean is(int expected) {
            return status == expected;
        }

        /** The last segment of the {@code Location} header: the id of what was created. */
        public String createdId() {
            return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
        }
    }

    private final BenchmarkStack stack;
    private final WebClient web;

    public Api(BenchmarkStack stack) {
        this.stack = stack;
        this.web = stack.web();
    }

    /** {@code PUT /api/v1/locations/{id}/capacity/{careType}} as {@code user}; the answer carries the new version. */
    public Mono<Answer> publishCapacity(String user, String locationId, String careType, int freeBeds) {
        return web.put().uri(stack.bedAvailability() + "/api/v1/locations/{id}/capacity/{careType}", locationId,
                        careType)
                .header(HttpHeaders.AUTHORIZATION, stack.tokens().bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"freeBeds\":" + freeBeds + "}")
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("{}")
                        .map(body -> new Answer(response.statusCode().value(), null, JSON.readTree(body))));
    }

    /** {@code POST /api/v1/requests} with a prepared JSON body as {@code user}; the body of the answer is skipped. */
    public Mono<Answer> submitRequest(String user, String json) {
        return web.post().uri(stack.requestMatching() + "/api/v1/requests")
                .header(HttpHeaders.AUTHORIZATION, stack.tokens().bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchangeToMono(response -> response.releaseBody().thenReturn(new Answer(response.statusCode().value(),
                        response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION), null)));
    }

    /** A webhook subscription for the provider's organisation, made by its demo user; fails unless created. */
    public void subscribeProvider(String providerId, String url, List<String> eventTypes) {
        String user = stack.tokens().providerUser(providerId);
        Map<String, Object> body = Map.of("url", url, "secret", "benchmark-webhook-secret", "eventTypes", eventTypes,
                "scope", Map.of("providerId", providerId));
        String refusal = web.post().uri(stack.notification() + "/api/v1/subscriptions")
                .header(HttpHeaders.AUTHORIZATION, stack.tokens().bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(body))
                .exchangeToMono(response -> response.statusCode().value() == 201
                        ? response.releaseBody().thenReturn("")
                        : response.bodyToMono(String.class).defaultIfEmpty("")
                                .map(text -> response.statusCode().value() + " " + text))
                .block(SETUP_TIMEOUT);
        if (refusal == null || !refusal.isEmpty()) {
            throw new IllegalStateException("Subscription for " + providerId + " refused: "
                    + (refusal == null ? "no answer" : refusal));
        }
    }

    /** {@code GET} of an actuator metric on a service with the admin's token; null when it has none yet. */
    public JsonNode metric(String serviceUrl, String name, String tag) {
        return web.get().uri(serviceUrl + "/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag))
                .header(HttpHeaders.AUTHORIZATION, stack.tokens().bearer("admin"))
                .exchangeToMono(response -> response.statusCode().value() == 200
                        ? response.bodyToMono(String.class).map(JSON::readTree)
                        : response.releaseBody().then(Mono.<JsonNode>empty()))
                .block(SETUP_TIMEOUT);
    }
}
