package nl.adempauze.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.notification.domain.AttemptOutcome;
import nl.adempauze.notification.domain.WebhookTargets;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.TestEvents;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * What a subscriber is told when its webhook cannot be registered or delivered: the same generic refusal whatever
 * the reason, and codes in the delivery log, never the text of an exception naming a host or an address.
 */
class WebhookTargetRefusalTest extends NotificationIntegrationTest {

    private static final String PROVIDER = TestTokens.provider(TestEvents.PROVIDER);

    @Test
    void aHostThatDoesNotResolveIsRefusedWithTheGenericText() {
        web.post().uri("/api/v1/subscriptions").headers(TestTokens.as(PROVIDER))
                .bodyValue(Map.of("url", "https://hooks.nowhere.invalid/in", "secret", SECRET,
                        "eventTypes", List.of("RequestMatched")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("url")
                .jsonPath("$.errors[0].message").isEqualTo(WebhookTargets.REFUSAL);
    }

    @Test
    void theDeliveryLogShowsACodeNotTheConnectionError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String requestId = uniqueRequestId();
        UUID subscription = subscribe(PROVIDER, "http://localhost:" + closedPort + "/hook", List.of("RequestMatched"),
                Map.of("requestId", requestId));

        TestEvents.publish(TestEvents.requestMatched(requestId));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveries(PROVIDER, subscription, null))
                .singleElement()
                .satisfies(delivery -> {
                    assertThat(delivery.attempts()).isPositive();
                    assertThat(delivery.lastStatusCode()).isNull();
                    assertThat(delivery.lastError()).isEqualTo(AttemptOutcome.CONNECTION_REFUSED);
                }));
        String log = web.get().uri("/api/v1/subscriptions/{id}/deliveries", subscription)
                .headers(TestTokens.as(PROVIDER)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(log).doesNotContain("127.0.0.1").doesNotContain("localhost").doesNotContainIgnoringCase("exception");
    }
}
