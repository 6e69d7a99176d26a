package nl.adempauze.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class SubscriptionApiTest extends NotificationIntegrationTest {

    private static final String URL = "https://referrer.example.org/adempauze/hook";
    private static final String COORDINATOR = TestTokens.coordinator("drenthe");

    /** A referrer organisation of this test class alone, so counting its subscriptions sees no other test's. */
    private final String referrer = TestTokens.referrer(uniqueOrganisation("hap"));

    @Test
    void createsASubscriptionWithoutEverShowingItsSecret() {
        String body = web.post().uri("/api/v1/subscriptions").headers(TestTokens.as(COORDINATOR))
                .bodyValue(Map.of("url", URL, "secret", SECRET, "eventTypes", List.of("OfferMade", "RequestMatched"),
                        "scope", Map.of("region", "drenthe")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/v1/subscriptions/"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain(SECRET).doesNotContain("secret");

        String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        web.get().uri("/api/v1/subscriptions/{id}", id).headers(TestTokens.as(COORDINATOR)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.url").isEqualTo(URL)
                .jsonPath("$.eventTypes[1]").isEqualTo("RequestMatched")
                .jsonPath("$.scope.region").isEqualTo("drenthe")
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.owner.role").isEqualTo("COORDINATOR")
                .jsonPath("$.owner.regions[0]").isEqualTo("drenthe")
                .jsonPath("$.secret").doesNotExist();
        unsubscribe(COORDINATOR, UUID.fromString(id));
    }

    @Test
    void aSubscriptionWithoutScopeGetsEverything() {
        UUID id = subscribe(referrer, URL, List.of("CapacityPublished"), null);

        web.get().uri("/api/v1/subscriptions/{id}", id).headers(TestTokens.as(referrer)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.scope.region").doesNotExist();
        unsubscribe(referrer, id);
    }

    @Test
    void refusesARelativeOrNonHttpUrlOrOneWithAnImpossiblePort() {
        assertRefused(Map.of("url", "ftp://example.org/hook", "secret", SECRET, "eventTypes", List.of("OfferMade")),
                "url");
        assertRefused(Map.of("url", "/hook", "secret", SECRET, "eventTypes", List.of("OfferMade")), "url");
        assertRefused(Map.of("url", "https://example.org:99999/hook", "secret", SECRET,
                "eventTypes", List.of("OfferMade")), "url");
    }

    @Test
    void refusesAShortSecret() {
        assertRefused(Map.of("url", URL, "secret", "too-short", "eventTypes", List.of("OfferMade")), "secret");
    }

    @Test
    void refusesAnUnknownOrInternalEventTypeNamingItsPosition() {
        assertRefused(Map.of("url", URL, "secret", SECRET, "eventTypes", List.of("OfferMade", "OfferEaten")),
                "eventTypes[1]");
        assertRefused(Map.of("url", URL, "secret", SECRET, "eventTypes", List.of("HoldRequested")), "eventTypes[0]");
        assertRefused(Map.of("url", URL, "secret", SECRET, "eventTypes", List.of()), "eventTypes");
    }

    @Test
    void refusesUnknownFields() {
        web.post().uri("/api/v1/subscriptions").headers(TestTokens.as(referrer))
                .bodyValue(Map.of("url", URL, "secret", SECRET, "eventTypes", List.of("OfferMade"), "colour", "red"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void deactivatesAndAnswersNotFoundForUnknownSubscriptions() {
        UUID id = subscribe(COORDINATOR, URL, List.of("OfferMade"), Map.of("region", "drenthe"));

        unsubscribe(COORDINATOR, id);
        unsubscribe(COORDINATOR, id);
        web.get().uri("/api/v1/subscriptions/{id}", id).headers(TestTokens.as(COORDINATOR)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false);
        web.get().uri("/api/v1/subscriptions/{id}", UUID.randomUUID()).headers(TestTokens.as(COORDINATOR)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/subscriptions/not-a-uuid/deliveries").headers(TestTokens.as(COORDINATOR)).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/subscriptions/{id}/deliveries?status=LOST", id).headers(TestTokens.as(COORDINATOR))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    private void assertRefused(Map<String, Object> body, String field) {
        int before = subscriptionCount();

        web.post().uri("/api/v1/subscriptions").headers(TestTokens.as(referrer)).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();

        assertThat(subscriptionCount()).as("nothing stored").isEqualTo(before);
    }

    private int subscriptionCount() {
        return web.get().uri("/api/v1/subscriptions").headers(TestTokens.as(referrer)).exchange()
                .expectStatus().isOk()
                .expectBodyList(SubscriptionResponse.class).returnResult().getResponseBody().size();
    }
}
