package nl.adempauze.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.notification.messaging.LiveFeed;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

class LiveStreamTest extends NotificationIntegrationTest {

    @Autowired
    private LiveFeed feed;

    /**
     * The live consumer starts at the latest offset once it has its partitions; until then events pass it by.
     * Probe until one arrives, so the test's own events cannot be published too early.
     */
    @BeforeEach
    void awaitLiveConsumer() {
        String probe = uniqueRequestId();
        List<String> seen = new CopyOnWriteArrayList<>();
        Disposable listening = feed.events().subscribe(event -> seen.add(event.json()));
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                TestEvents.publish(TestEvents.requestEscalated(probe));
                return seen.stream().anyMatch(json -> json.contains(probe));
            });
        } finally {
            listening.dispose();
        }
    }

    @Test
    void streamsEventsAsServerSentEventsFilteredByScope() {
        String requestId = uniqueRequestId();
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        Disposable stream = web.mutate().responseTimeout(PATIENCE).build()
                .get().uri("/api/v1/live?region=drenthe&requestId={requestId}", requestId)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .getResponseBody()
                .subscribe(received::add);
        try {
            String other = TestEvents.publish(TestEvents.requestEscalated(uniqueRequestId()));
            RequestEscalated escalation = TestEvents.requestEscalated(requestId);
            String eventId = TestEvents.publish(escalation);

            await().atMost(PATIENCE).until(() -> received.stream().anyMatch(event -> eventId.equals(event.id())));
            ServerSentEvent<String> event = received.stream().filter(e -> eventId.equals(e.id())).findFirst()
                    .orElseThrow();
            assertThat(event.event()).isEqualTo("RequestEscalated");
            assertThat(event.data()).contains("\"type\":\"RequestEscalated\"", "\"id\":\"" + eventId + "\"",
                    "\"requestId\":\"" + requestId + "\"", "\"reason\":\"NO_CANDIDATE\"");
            assertThat(received).as("connected comment first, other requests filtered out")
                    .noneMatch(e -> other.equals(e.id()));
            assertThat(received.get(0).comment()).isEqualTo("connected");
        } finally {
            stream.dispose();
        }
    }
}
