package nl.adempauze.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.TestEvents;
import nl.adempauze.platform.testing.UnstorableTextCheck;
import nl.adempauze.platform.messaging.ConsumerGroupLag;
import nl.adempauze.platform.testing.MalformedBodyCheck;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * notification's write endpoint, {@code POST /api/v1/subscriptions}, against malformed bodies (every field missing
 * or of a wrong kind, unknown fields, broken JSON, random corruption) from each role that may subscribe, with a
 * scope within its reach so that the body, not the caller, decides: never a 5xx, always a problem, and a refusal
 * stores nothing; text that PostgreSQL cannot store as sent (a NUL character, an unpaired surrogate) is refused in
 * every field. Deactivating takes no body: one sent along to another organisation's subscription is ignored and
 * still answered 404, changing nothing.
 * <p>
 * Organisations, a provider and a region of this test alone, so subscriptions that happen to be valid receive no
 * other test's events; they are deactivated afterwards.
 */
class MalformedBodiesTest extends NotificationIntegrationTest {

    private static final int RANDOM_VARIANTS = 30;
    private static final String URL = "https://systems.example.org/adempauze/hook";
    /** The topics notification's webhooks consume, all of them writing rows. */
    private static final List<String> CONSUMED = List.of(EventCatalogue.OFFERS.name(),
            EventCatalogue.REQUESTS.name(), EventCatalogue.CAPACITY.name(), EventCatalogue.LOCATIONS.name());

    private final String organisation = uniqueOrganisation("hap-fuzz");
    private final String providerId = uniqueOrganisation("prov-fuzz");
    private final String region = uniqueOrganisation("regio-fuzz");
    private final String referrer = TestTokens.referrer(organisation);
    private final String provider = TestTokens.provider(providerId);
    private final String coordinator = TestTokens.coordinator(region);

    @Autowired
    DatabaseClient db;

    @Value("${adempauze.notification.group-id:notification}")
    String consumerGroup;

    @AfterEach
    void deactivateWhatHappenedToBeValid() {
        for (String token : List.of(referrer, provider, coordinator)) {
            web.get().uri("/api/v1/subscriptions").headers(TestTokens.as(token)).exchange()
                    .expectStatus().isOk()
                    .expectBodyList(SubscriptionResponse.class).returnResult().getResponseBody().stream()
                    .filter(SubscriptionResponse::active)
                    .forEach(subscription -> unsubscribe(token, subscription.id()));
        }
    }

    @Test
    void subscribingRefusesMalformedBodiesWithAProblemAndStoresNothingWhoeverSubscribes() {
        String ownRequest = uniqueRequestId();
        String regionsRequest = uniqueRequestId();
        TestEvents.publish(TestEvents.requestSubmitted(ownRequest, "drenthe", organisation));
        TestEvents.publish(TestEvents.requestSubmitted(regionsRequest, region, "hap-elders"));
        awaitKnown(ownRequest);
        awaitKnown(regionsRequest);
        awaitQuiet();

        Map<String, String> bodies = Map.of(
                referrer, subscription("{\"requestId\":\"" + ownRequest + "\"}"),
                provider, subscription("{\"providerId\":\"" + providerId + "\",\"locationId\":\"loc-assen-de-es\"}"),
                coordinator, subscription("{\"region\":\"" + region + "\",\"requestId\":\"" + regionsRequest + "\"}"));
        for (String token : List.of(referrer, provider, coordinator)) {
            String body = bodies.get(token);
            MalformedBodyCheck.check(web, db, HttpMethod.POST, "/api/v1/subscriptions", TestTokens.as(token), body,
                    RANDOM_VARIANTS);
            // every string of a subscription is text: one that cannot be stored as sent is refused
            assertThat(UnstorableTextCheck.check(web, db, HttpMethod.POST, "/api/v1/subscriptions",
                    TestTokens.as(token), body)).as("refused").isEqualTo(UnstorableTextCheck.descriptions(body));
        }
    }

    @Test
    void aBodySentToDeactivateAnotherOrganisationsSubscriptionIsIgnoredAndStill404() {
        UUID theirs = subscribe(TestTokens.referrer(uniqueOrganisation("hap-fuzz")), URL, List.of("OfferMade"),
                null);
        awaitQuiet();

        MalformedBodyCheck.check(web, db, HttpMethod.DELETE, "/api/v1/subscriptions/" + theirs,
                TestTokens.as(referrer), "{}", RANDOM_VARIANTS);
    }

    private static String subscription(String scope) {
        return "{\"url\":\"" + URL + "\",\"secret\":\"" + SECRET + "\","
                + "\"eventTypes\":[\"OfferMade\",\"RequestMatched\"],\"scope\":" + scope + "}";
    }

    /**
     * Nothing left in flight that could change rows while bodies are refused: every event on the topics the
     * webhooks consume (of this test or one before it) handled and committed. Retrying deliveries only update rows.
     */
    private void awaitQuiet() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafka().bootstrapServers()))) {
            await("events consumed by " + consumerGroup).atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> ConsumerGroupLag.of(admin, consumerGroup, CONSUMED) == 0);
        }
    }
}
