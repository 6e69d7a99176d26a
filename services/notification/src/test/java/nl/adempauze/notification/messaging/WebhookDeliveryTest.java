package nl.adempauze.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.notification.api.DeliveryResponse;
import nl.adempauze.notification.domain.DeliveryStatus;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.TestEvents;
import nl.adempauze.notification.support.WebhookReceiver;
import nl.adempauze.notification.support.WebhookReceiver.Received;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest extends NotificationIntegrationTest {

    private static final String COORDINATOR = TestTokens.coordinator("drenthe");

    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void deliversASignedWebhookOncePerEventAlsoWhenTheEventArrivesTwice() {
        UUID subscription = subscribe(COORDINATOR, receiver.url(), List.of("OfferMade"), Map.of("region", "drenthe"));
        OfferMade offer = TestEvents.offerMade("drenthe", uniqueRequestId());
        String eventId = UUID.randomUUID().toString();

        TestEvents.publish(offer, eventId);

        await().atMost(PATIENCE).until(() -> receiver.forEvent(eventId).size() == 1);
        Received webhook = receiver.forEvent(eventId).get(0);
        assertThat(webhook.method()).isEqualTo("POST");
        assertThat(webhook.header("Content-Type")).startsWith("application/json");
        assertThat(webhook.header("X-Adempauze-Event-Type")).isEqualTo("OfferMade");
        assertThat(Long.parseLong(webhook.header("X-Adempauze-Timestamp")))
                .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        assertThat(webhook.signatureVerifies(SECRET)).as("signature verifies with the secret").isTrue();
        assertThat(webhook.signatureVerifies(SECRET + "-not")).isFalse();
        assertThat(webhook.body()).contains("\"id\":\"" + eventId + "\"", "\"type\":\"OfferMade\"",
                "\"offerId\":\"" + offer.offerId() + "\"", "\"subject\":\"" + offer.requestId() + "\"",
                "\"offeredAt\":\"" + offer.offeredAt() + "\"", "\"time\":\"");

        // the same CloudEvent again, then an event outside the scope, then a different one in scope
        TestEvents.publish(offer, eventId);
        String elsewhere = TestEvents.publish(TestEvents.offerMade("groningen", uniqueRequestId()));
        String next = TestEvents.publish(TestEvents.offerMade("drenthe", uniqueRequestId()));

        await().atMost(PATIENCE).until(() -> receiver.forEvent(next).size() == 1);
        assertThat(receiver.forEvent(eventId)).hasSize(1);
        assertThat(receiver.forEvent(elsewhere)).isEmpty();
        List<DeliveryResponse> log = deliveries(COORDINATOR, subscription, null);
        assertThat(log).filteredOn(delivery -> delivery.eventId().equals(eventId)).singleElement()
                .satisfies(delivery -> {
                    assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
                    assertThat(delivery.attempts()).isEqualTo(1);
                    assertThat(delivery.lastStatusCode()).isEqualTo(200);
                    assertThat(delivery.deliveredAt()).isNotNull();
                });
        assertThat(log.get(0).eventId()).as("newest first").isEqualTo(next);
        unsubscribe(COORDINATOR, subscription);
    }
}
