package nl.adempauze.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.TestEvents;
import nl.adempauze.notification.support.WebhookReceiver;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries go only to events the subscription's owner may see, whatever the scope says. Absence is proven,
 * not waited for: a witness (a coordinator of drenthe, who sees every drenthe event) has a delivery for an event
 * only once the fan-out of that event has committed, and that same transaction decided for every subscriber.
 */
class WebhookVisibilityTest extends NotificationIntegrationTest {

    private static final List<String> TYPES = List.of("RequestSubmitted", "RequestEscalated", "OfferMade",
            "CapacityPublished");
    private static final String WITNESS = TestTokens.coordinator("drenthe");

    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private final List<Map.Entry<String, UUID>> subscriptions = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        subscriptions.forEach(subscription -> unsubscribe(subscription.getKey(), subscription.getValue()));
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void aReferrersWebhookGetsItsOwnRequestsEventsButNotAnotherOrganisations() {
        String organisation = uniqueOrganisation("hap");
        String referrer = TestTokens.referrer(organisation);
        WebhookReceiver mine = receiver();
        UUID subscription = subscription(referrer, mine, null);
        UUID witness = subscription(WITNESS, receiver(), null);
        String own = uniqueRequestId();
        String foreign = uniqueRequestId();

        String ownSubmitted = TestEvents.publish(TestEvents.requestSubmitted(own, "drenthe", organisation));
        String foreignSubmitted = TestEvents.publish(TestEvents.requestSubmitted(foreign, "drenthe", "hap-other"));
        awaitKnown(own);
        awaitKnown(foreign);
        String ownEscalated = TestEvents.publish(TestEvents.requestEscalated(own));
        String foreignEscalated = TestEvents.publish(TestEvents.requestEscalated(foreign));
        String ownOffer = TestEvents.publish(TestEvents.offerMade("drenthe", own));
        String foreignOffer = TestEvents.publish(TestEvents.offerMade("drenthe", foreign));
        String capacity = TestEvents.publish(TestEvents.capacityPublished("drenthe"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(received(mine))
                .contains(ownSubmitted, ownEscalated, ownOffer, capacity));
        awaitWitnessed(witness, foreignSubmitted, foreignEscalated, foreignOffer);
        assertThat(deliveredEventIds(referrer, subscription))
                .contains(ownSubmitted, ownEscalated, ownOffer, capacity)
                .doesNotContain(foreignSubmitted, foreignEscalated, foreignOffer);
        assertThat(received(mine)).doesNotContain(foreignSubmitted, foreignEscalated, foreignOffer);
    }

    @Test
    void aProvidersSubscriptionNeverReceivesAnotherProvidersOffers() {
        String providerId = "prov-" + UUID.randomUUID();
        String otherProviderId = "prov-" + UUID.randomUUID();
        String provider = TestTokens.provider(providerId);
        WebhookReceiver mine = receiver();
        WebhookReceiver narrowed = receiver();
        UUID everything = subscription(provider, mine, null);
        UUID witness = subscription(WITNESS, receiver(), null);
        String ownRequest = uniqueRequestId();
        String otherRequest = uniqueRequestId();
        // a provider may narrow to any request; the scope still never shows it another provider's offer
        UUID toTheOtherRequest = subscription(provider, narrowed, Map.of("requestId", otherRequest));

        String ownOffer = TestEvents.publish(TestEvents.offerMade("drenthe", ownRequest, providerId));
        String otherOffer = TestEvents.publish(TestEvents.offerMade("drenthe", otherRequest, otherProviderId));
        String otherEscalated = TestEvents.publish(TestEvents.requestEscalated(otherRequest));
        String capacity = TestEvents.publish(TestEvents.capacityPublished("drenthe"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(received(mine)).contains(ownOffer, capacity));
        awaitWitnessed(witness, otherOffer, otherEscalated);
        assertThat(deliveredEventIds(provider, everything)).contains(ownOffer, capacity)
                .doesNotContain(otherOffer, otherEscalated);
        assertThat(deliveredEventIds(provider, toTheOtherRequest)).isEmpty();
        assertThat(received(mine)).doesNotContain(otherOffer, otherEscalated);
        assertThat(narrowed.received()).isEmpty();
    }

    @Test
    void aCoordinatorOfAnotherRegionGetsNothingFromDrenthe() {
        String groningen = TestTokens.coordinator("groningen");
        WebhookReceiver theirs = receiver();
        UUID subscription = subscription(groningen, theirs, null);
        UUID witness = subscription(WITNESS, receiver(), null);
        String drentheRequest = uniqueRequestId();
        String groningenRequest = uniqueRequestId();

        String drentheSubmitted = TestEvents.publish(TestEvents.requestSubmitted(drentheRequest, "drenthe",
                TestEvents.REFERRER));
        String drentheOffer = TestEvents.publish(TestEvents.offerMade("drenthe", drentheRequest));
        String drentheEscalated = TestEvents.publish(TestEvents.requestEscalated(drentheRequest));
        String drentheCapacity = TestEvents.publish(TestEvents.capacityPublished("drenthe"));
        String groningenEscalated = TestEvents.publish(TestEvents.requestEscalated(groningenRequest, "groningen"));
        String groningenCapacity = TestEvents.publish(TestEvents.capacityPublished("groningen"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(received(theirs))
                .contains(groningenEscalated, groningenCapacity));
        awaitWitnessed(witness, drentheSubmitted, drentheOffer, drentheEscalated, drentheCapacity);
        assertThat(deliveredEventIds(groningen, subscription)).contains(groningenEscalated, groningenCapacity)
                .doesNotContain(drentheSubmitted, drentheOffer, drentheEscalated, drentheCapacity);
        assertThat(received(theirs)).doesNotContain(drentheSubmitted, drentheOffer, drentheEscalated,
                drentheCapacity);
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = WebhookReceiver.start();
        receivers.add(receiver);
        return receiver;
    }

    private UUID subscription(String token, WebhookReceiver receiver, Map<String, String> scope) {
        UUID id = subscribe(token, receiver.url(), TYPES, scope);
        subscriptions.add(Map.entry(token, id));
        return id;
    }

    /** Waits until the witness has deliveries for these events: their fan-out has committed. */
    private void awaitWitnessed(UUID witness, String... eventIds) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveredEventIds(WITNESS, witness))
                .contains(eventIds));
    }

    private static List<String> received(WebhookReceiver receiver) {
        return receiver.received().stream().map(request -> request.header("X-Adempauze-Event-Id")).toList();
    }
}
