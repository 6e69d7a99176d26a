package nl.adempauze.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.TestEvents;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who may subscribe, to what, and whose subscriptions they see (docs/SECURITY.md, "notification"). */
class SubscriptionAccessTest extends NotificationIntegrationTest {

    private static final String URL = "https://systems.example.org/adempauze/hook";

    private final String organisation = uniqueOrganisation("hap");
    private final String referrer = TestTokens.referrer(organisation);
    private final String otherReferrer = TestTokens.referrer(uniqueOrganisation("hap"));

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        UUID id = subscribe(referrer, URL, List.of("OfferMade"), null);

        for (Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> call : calls(id)) {
            call.apply(web).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/api/v1/subscriptions/{id}", id).headers(TestTokens.as(referrer)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true);
    }

    @Test
    void anAdminIsRefusedWith403WhetherOrNotTheSubscriptionExists() {
        UUID id = subscribe(referrer, URL, List.of("OfferMade"), null);
        String admin = TestTokens.admin();

        for (Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> call : calls(id)) {
            call.apply(web).headers(TestTokens.as(admin)).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/api/v1/subscriptions/{id}", UUID.randomUUID()).headers(TestTokens.as(admin)).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/v1/subscriptions").headers(TestTokens.as(admin))
                // the role is checked before the (invalid) body
                .bodyValue(Map.of("url", "ftp://nowhere", "eventTypes", List.of("Nonsense")))
                .exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/subscriptions/{id}", id).headers(TestTokens.as(referrer)).exchange()
                .expectBody().jsonPath("$.active").isEqualTo(true);
    }

    @Test
    void anotherOrganisationsSubscriptionIsNotFoundAndStaysAsItWas() {
        UUID id = subscribe(referrer, URL, List.of("OfferMade", "RequestMatched"), null);

        for (String stranger : List.of(otherReferrer, TestTokens.provider(organisation),
                TestTokens.coordinator("drenthe"))) {
            web.get().uri("/api/v1/subscriptions/{id}", id).headers(TestTokens.as(stranger)).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            web.get().uri("/api/v1/subscriptions/{id}/deliveries", id).headers(TestTokens.as(stranger)).exchange()
                    .expectStatus().isNotFound();
            web.delete().uri("/api/v1/subscriptions/{id}", id).headers(TestTokens.as(stranger)).exchange()
                    .expectStatus().isNotFound();
            assertThat(listed(stranger)).doesNotContain(id);
        }

        web.get().uri("/api/v1/subscriptions/{id}", id).headers(TestTokens.as(referrer)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.owner.role").isEqualTo("REFERRER")
                .jsonPath("$.owner.organisation").isEqualTo(organisation);
    }

    @Test
    void aSubscriptionBelongsToTheOrganisationNotToTheUserWhoMadeIt() {
        UUID mine = subscribe(referrer, URL, List.of("OfferMade"), null);
        UUID theirs = subscribe(otherReferrer, URL, List.of("OfferMade"), null);
        String colleague = TestTokens.token("colleague@" + organisation, List.of("REFERRER"), organisation,
                List.of());

        assertThat(listed(referrer)).contains(mine).doesNotContain(theirs);
        assertThat(listed(colleague)).contains(mine).doesNotContain(theirs);
        unsubscribe(colleague, mine);
        web.get().uri("/api/v1/subscriptions/{id}", mine).headers(TestTokens.as(referrer)).exchange()
                .expectBody().jsonPath("$.active").isEqualTo(false);
    }

    @Test
    void aCoordinatorsSubscriptionBelongsToItsRegions() {
        String drenthe = TestTokens.coordinator("drenthe");
        String groningen = TestTokens.coordinator("groningen");
        String north = TestTokens.coordinator("drenthe", "groningen");
        UUID forDrenthe = subscribe(drenthe, URL, List.of("OfferMade"), null);
        UUID forTheNorth = subscribe(north, URL, List.of("OfferMade"), null);

        assertThat(listed(drenthe)).contains(forDrenthe).doesNotContain(forTheNorth);
        assertThat(listed(north)).contains(forDrenthe, forTheNorth);
        assertThat(listed(groningen)).doesNotContain(forDrenthe, forTheNorth);
        web.get().uri("/api/v1/subscriptions/{id}", forDrenthe).headers(TestTokens.as(groningen)).exchange()
                .expectStatus().isNotFound();
        // it also receives groningen's events, which a coordinator of drenthe alone may not see
        web.get().uri("/api/v1/subscriptions/{id}", forTheNorth).headers(TestTokens.as(drenthe)).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/subscriptions/{id}/deliveries", forDrenthe).headers(TestTokens.as(north)).exchange()
                .expectStatus().isOk();
        unsubscribe(north, forDrenthe);
        unsubscribe(north, forTheNorth);
    }

    @Test
    void aScopeBeyondTheCallersReachIs403AndNothingIsStored() {
        String provider = TestTokens.provider("prov-" + UUID.randomUUID());
        String drenthe = TestTokens.coordinator("drenthe");
        String ownRequest = uniqueRequestId();
        String otherRequest = uniqueRequestId();
        String groningenRequest = uniqueRequestId();
        TestEvents.publish(TestEvents.requestSubmitted(ownRequest, "drenthe", organisation));
        TestEvents.publish(TestEvents.requestSubmitted(otherRequest, "drenthe", "hap-elsewhere"));
        TestEvents.publish(TestEvents.requestSubmitted(groningenRequest, "groningen", organisation));
        awaitKnown(ownRequest);
        awaitKnown(otherRequest);
        awaitKnown(groningenRequest);

        assertWidening(drenthe, Map.of("region", "groningen"));
        assertWidening(drenthe, Map.of("requestId", groningenRequest));
        assertWidening(provider, Map.of("providerId", TestEvents.PROVIDER));
        assertWidening(referrer, Map.of("requestId", otherRequest));
        assertWidening(referrer, Map.of("requestId", uniqueRequestId()));

        // within reach: narrowing only
        subscribe(referrer, URL, List.of("OfferMade"), Map.of("requestId", ownRequest));
        subscribe(referrer, URL, List.of("OfferMade"), Map.of("requestId", groningenRequest));
        subscribe(drenthe, URL, List.of("OfferMade"), Map.of("region", "drenthe", "requestId", ownRequest));
        subscribe(provider, URL, List.of("OfferMade"), Map.of("region", "groningen", "requestId", otherRequest));
    }

    private void assertWidening(String token, Map<String, String> scope) {
        List<UUID> before = listed(token);
        web.post().uri("/api/v1/subscriptions").headers(TestTokens.as(token))
                .bodyValue(Map.of("url", URL, "secret", SECRET, "eventTypes", List.of("OfferMade"), "scope", scope))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Not allowed");
        assertThat(listed(token)).as("nothing stored for %s", scope).isEqualTo(before);
    }

    private List<UUID> listed(String token) {
        return web.get().uri("/api/v1/subscriptions").headers(TestTokens.as(token)).exchange()
                .expectStatus().isOk()
                .expectBodyList(SubscriptionResponse.class).returnResult().getResponseBody()
                .stream().map(SubscriptionResponse::id).toList();
    }

    /** Every subscription endpoint, for one existing subscription. */
    private static List<Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>>> calls(UUID id) {
        Map<String, Object> body = Map.of("url", URL, "secret", SECRET, "eventTypes", List.of("OfferMade"));
        return List.of(
                client -> client.post().uri("/api/v1/subscriptions").bodyValue(body),
                client -> client.get().uri("/api/v1/subscriptions"),
                client -> client.get().uri("/api/v1/subscriptions/{id}", id),
                client -> client.get().uri("/api/v1/subscriptions/{id}/deliveries", id),
                client -> client.delete().uri("/api/v1/subscriptions/{id}", id),
                client -> client.get().uri("/api/v1/live").accept(MediaType.TEXT_EVENT_STREAM));
    }
}
