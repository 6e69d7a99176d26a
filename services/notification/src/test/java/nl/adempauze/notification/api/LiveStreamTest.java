package nl.adempauze.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.notification.application.LiveFeed;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.TestEvents;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

class LiveStreamTest extends NotificationIntegrationTest {

    private static final String DRENTHE = TestTokens.coordinator("drenthe");

    @Autowired
    private LiveFeed feed;

    private final List<Disposable> streams = new ArrayList<>();

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

    @AfterEach
    void closeStreams() {
        streams.forEach(Disposable::dispose);
    }

    @Test
    void streamsEventsAsServerSentEventsFilteredByScope() {
        String requestId = uniqueRequestId();
        TestEvents.publish(TestEvents.requestSubmitted(requestId));
        awaitKnown(requestId);
        List<ServerSentEvent<String>> received = open(DRENTHE, "region=drenthe&requestId=" + requestId);

        String other = TestEvents.publish(TestEvents.requestEscalated(uniqueRequestId()));
        RequestEscalated escalation = TestEvents.requestEscalated(requestId);
        String eventId = TestEvents.publish(escalation);

        await().atMost(PATIENCE).until(() -> ids(received).contains(eventId));
        ServerSentEvent<String> event = received.stream().filter(e -> eventId.equals(e.id())).findFirst()
                .orElseThrow();
        assertThat(event.event()).isEqualTo("RequestEscalated");
        assertThat(event.data()).contains("\"type\":\"RequestEscalated\"", "\"id\":\"" + eventId + "\"",
                "\"requestId\":\"" + requestId + "\"", "\"reason\":\"NO_CANDIDATE\"");
        assertThat(ids(received)).as("other requests filtered out").doesNotContain(other);
        assertThat(received.get(0).comment()).as("connected comment first").isEqualTo("connected");
    }

    /** Kafka delivers at least once: the same event (same CloudEvent id) twice is streamed once. */
    @Test
    void anEventDeliveredTwiceIsStreamedOnce() {
        List<ServerSentEvent<String>> received = open(DRENTHE, "region=drenthe");
        RequestEscalated escalation = TestEvents.requestEscalated(uniqueRequestId());
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish(escalation, eventId);
        TestEvents.publish(escalation, eventId);
        // same request, same partition: once a later event is streamed, both deliveries have been read
        String later = TestEvents.publish(TestEvents.requestEscalated(escalation.requestId()));

        await().atMost(PATIENCE).until(() -> ids(received).contains(later));
        assertThat(ids(received)).filteredOn(eventId::equals).hasSize(1);
    }

    /**
     * Absence is proven by order: a stream gets the events it may see in the order the feed published them, so
     * once a stream has an event published after another, it would have had that other one too.
     */
    @Test
    void everyCallerSeesOnlyWhatTheyMaySee() {
        String organisation = uniqueOrganisation("hap");
        String providerId = uniqueOrganisation("prov");
        List<ServerSentEvent<String>> drenthe = open(DRENTHE, "");
        List<ServerSentEvent<String>> referrer = open(TestTokens.referrer(organisation), "");
        List<ServerSentEvent<String>> otherReferrer = open(TestTokens.referrer(uniqueOrganisation("hap")), "");
        List<ServerSentEvent<String>> provider = open(TestTokens.provider(providerId), "");
        List<ServerSentEvent<String>> otherProvider = open(TestTokens.provider(uniqueOrganisation("prov")), "");
        List<ServerSentEvent<String>> groningen = open(TestTokens.coordinator("groningen"), "");
        String requestId = uniqueRequestId();

        String submitted = TestEvents.publish(TestEvents.requestSubmitted(requestId, "drenthe", organisation));
        // the offer is on another topic: make sure it cannot be read before the submission it follows
        awaitKnown(requestId);
        String offer = TestEvents.publish(TestEvents.offerMade("drenthe", requestId, providerId));
        String escalated = TestEvents.publish(TestEvents.requestEscalated(requestId));
        await().atMost(PATIENCE).until(() -> ids(drenthe).containsAll(List.of(submitted, offer, escalated)));
        String drentheCapacity = TestEvents.publish(TestEvents.capacityPublished("drenthe"));
        await().atMost(PATIENCE).until(() -> ids(drenthe).contains(drentheCapacity));
        String groningenCapacity = TestEvents.publish(TestEvents.capacityPublished("groningen"));

        for (List<ServerSentEvent<String>> stream : List.of(referrer, otherReferrer, provider, otherProvider)) {
            await().atMost(PATIENCE).until(() -> ids(stream).contains(drentheCapacity));
        }
        await().atMost(PATIENCE).until(() -> ids(groningen).contains(groningenCapacity));

        assertThat(ids(referrer)).as("the request's referrer").containsSubsequence(submitted, drentheCapacity)
                .contains(offer, escalated);
        assertThat(ids(provider)).as("the offer's provider").contains(offer)
                .doesNotContain(submitted, escalated);
        assertThat(ids(otherReferrer)).as("another referrer").doesNotContain(submitted, offer, escalated);
        assertThat(ids(otherProvider)).as("another provider").doesNotContain(submitted, offer, escalated);
        assertThat(ids(groningen)).as("another region's coordinator")
                .doesNotContain(submitted, offer, escalated, drentheCapacity);
        assertThat(ids(drenthe)).doesNotContain(groningenCapacity);
    }

    @Test
    void aScopeBeyondTheCallersReachIsRefusedWith403() {
        String organisation = uniqueOrganisation("hap");
        String foreignRequest = uniqueRequestId();
        TestEvents.publish(TestEvents.requestSubmitted(foreignRequest, "drenthe", "hap-other"));
        awaitKnown(foreignRequest);

        assertRefused(DRENTHE, "region=groningen");
        assertRefused(TestTokens.provider(uniqueOrganisation("prov")), "providerId=" + TestEvents.PROVIDER);
        assertRefused(TestTokens.referrer(organisation), "requestId=" + foreignRequest);
        assertRefused(TestTokens.referrer(organisation), "requestId=" + uniqueRequestId());
        assertRefused(TestTokens.admin(), "");
    }

    private void assertRefused(String token, String query) {
        web.get().uri("/api/v1/live?" + query).headers(TestTokens.as(token)).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    /** Opens a live stream as the token's holder; the returned list fills as events arrive. */
    private List<ServerSentEvent<String>> open(String token, String query) {
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        streams.add(web.mutate().responseTimeout(PATIENCE).build()
                .get().uri("/api/v1/live?" + query)
                .headers(TestTokens.as(token))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .getResponseBody()
                .subscribe(received::add));
        return received;
    }

    private static List<String> ids(List<ServerSentEvent<String>> events) {
        return events.stream().map(ServerSentEvent::id).filter(id -> id != null).toList();
    }
}
