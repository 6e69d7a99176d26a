package nl.adempauze.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.notification.api.DeliveryResponse;
import nl.adempauze.notification.domain.DeliveryStatus;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.TestEvents;
import nl.adempauze.notification.support.WebhookReceiver;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs with max-attempts 4 and a 0.2 s initial backoff (see {@link NotificationIntegrationTest}). */
class WebhookRetryTest extends NotificationIntegrationTest {

    /** The provider the matches name: a provider may narrow to any request, and sees the events naming it. */
    private static final String PROVIDER = TestTokens.provider(TestEvents.PROVIDER);

    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void retriesWithBackoffUntilTheReceiverAccepts() {
        receiver.failFirst(2);
        String requestId = uniqueRequestId();
        UUID subscription = subscribe(PROVIDER, receiver.url(), List.of("RequestMatched"),
                Map.of("requestId", requestId));

        String eventId = TestEvents.publish(TestEvents.requestMatched(requestId));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveries(PROVIDER, subscription, "DELIVERED"))
                .singleElement()
                .satisfies(delivery -> {
                    assertThat(delivery.eventId()).isEqualTo(eventId);
                    assertThat(delivery.attempts()).isEqualTo(3);
                    assertThat(delivery.lastStatusCode()).isEqualTo(200);
                    assertThat(delivery.lastError()).isNull();
                }));
        assertThat(receiver.forEvent(eventId)).hasSize(3)
                .allSatisfy(request -> assertThat(request.signatureVerifies(SECRET)).isTrue());
        assertThat(receiver.forEvent(eventId).stream().map(WebhookReceiver.Received::body).distinct())
                .as("every retry sends the same body").hasSize(1);
    }

    @Test
    void givesUpAfterMaxAttemptsVisibly() {
        receiver.failAlways();
        String requestId = uniqueRequestId();
        UUID subscription = subscribe(PROVIDER, receiver.url(), List.of("RequestMatched"),
                Map.of("requestId", requestId));

        String eventId = TestEvents.publish(TestEvents.requestMatched(requestId));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveries(PROVIDER, subscription, "FAILED"))
                .singleElement()
                .satisfies(delivery -> {
                    assertThat(delivery.eventId()).isEqualTo(eventId);
                    assertThat(delivery.eventType()).isEqualTo("RequestMatched");
                    assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(delivery.attempts()).isEqualTo(4);
                    assertThat(delivery.lastStatusCode()).isEqualTo(500);
                    assertThat(delivery.lastError()).isEqualTo("HTTP_500");
                    assertThat(delivery.nextAttemptAt()).isNull();
                }));
        assertThat(receiver.forEvent(eventId)).hasSize(4);
        List<DeliveryResponse> delivered = deliveries(PROVIDER, subscription, "DELIVERED");
        assertThat(delivered).isEmpty();
    }
}
