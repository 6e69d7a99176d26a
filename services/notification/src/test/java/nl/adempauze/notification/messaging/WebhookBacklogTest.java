package nl.adempauze.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.notification.WebhookProperties;
import nl.adempauze.notification.api.DeliveryResponse;
import nl.adempauze.notification.application.WebhookDispatcher;
import nl.adempauze.notification.application.WebhookSender;
import nl.adempauze.notification.persistence.DeliveryRepository;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.TestEvents;
import nl.adempauze.notification.support.WebhookReceiver;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A backlog of due retries (a receiver down for an hour, the claims of an instance that died) is worked off in one
 * poll, batch after batch, instead of one batch per poll interval: a due retry does not wait behind hundreds of
 * others for minutes. The backlog lies ten years ahead, where only this test's dispatcher, on a clock of its own,
 * finds it (the service's own poller never gets there).
 */
class WebhookBacklogTest extends NotificationIntegrationTest {

    private static final String PROVIDER = TestTokens.provider(TestEvents.PROVIDER);
    private static final int BATCH = 2;

    private final WebhookReceiver receiver = WebhookReceiver.start();

    @Autowired
    private DeliveryRepository deliveries;

    @Autowired
    private WebhookSender sender;

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void onePollSendsEveryDueDeliveryBatchAfterBatch() {
        UUID subscription = subscribe(PROVIDER, receiver.url(), List.of("RequestMatched"),
                Map.of("requestId", uniqueRequestId()));
        Instant due = Instant.now().plus(Duration.ofDays(3650));
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < 2 * BATCH + 1; i++) {
            String eventId = UUID.randomUUID().toString();
            eventIds.add(eventId);
            deliveries.insert(subscription, eventId, "RequestMatched", "{\"backlog\":" + i + "}", due.plusMillis(i))
                    .block();
        }
        WebhookDispatcher dispatcher = new WebhookDispatcher(deliveries, sender, new WebhookProperties(4,
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1), BATCH,
                Duration.ofSeconds(60), true), Clock.fixed(due.plus(Duration.ofDays(1)), ZoneOffset.UTC),
                new SimpleMeterRegistry());

        dispatcher.poll();

        assertThat(eventIds).allSatisfy(eventId -> assertThat(receiver.forEvent(eventId)).hasSize(1));
        assertThat(deliveries(PROVIDER, subscription, "DELIVERED")).extracting(DeliveryResponse::eventId)
                .containsExactlyInAnyOrderElementsOf(eventIds);
    }
}
