package nl.adempauze.platform.web;

import java.security.Principal;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/** A token bucket per client: over the limit, 429 with Retry-After and a problem; other clients are not affected. */
class RateLimitingTest {

    /** Plays the authentication that comes before rate limiting: the X-User header becomes the principal. */
    private static final WebFilter SIGNED_IN = (exchange, chain) -> {
        String user = exchange.getRequest().getHeaders().getFirst("X-User");
        return user == null ? chain.filter(exchange)
                : chain.filter(exchange.mutate().principal(Mono.just((Principal) () -> user)).build());
    };

    private final WebTestClient web = WebTestClient
            .bindToWebHandler(exchange -> {
                exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
                return exchange.getResponse().setComplete();
            })
            .webFilter(SIGNED_IN, new RateLimiting(1, 3))
            .build();

    @Test
    void aClientOverItsBurstGets429WithRetryAfterWhileAnotherClientCarriesOn() {
        for (int i = 0; i < 3; i++) {
            web.get().uri("/api/v1/requests").header("X-User", "busy").exchange().expectStatus().isNoContent();
        }
        web.get().uri("/api/v1/requests").header("X-User", "busy").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too many requests");

        web.get().uri("/api/v1/requests").header("X-User", "calm").exchange().expectStatus().isNoContent();
    }

    @Test
    void onlyTheApiIsLimited() {
        for (int i = 0; i < 5; i++) {
            web.get().uri("/docs/openapi/request-matching.yaml").header("X-User", "reader").exchange()
                    .expectStatus().isNoContent();
        }
    }
}
