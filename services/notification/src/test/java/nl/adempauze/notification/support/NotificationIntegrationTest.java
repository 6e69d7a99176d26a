package nl.adempauze.notification.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.adempauze.notification.NotificationApplication;
import nl.adempauze.notification.api.DeliveryResponse;
import nl.adempauze.notification.persistence.KnownRequestRepository;
import nl.adempauze.platform.testing.AdjustableClock;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service against the real broker and database. Every test class uses these same settings, so
 * they share one Spring context (and one consumer group); tests keep apart by unique request ids and
 * organisations and by their own receivers. Every API call carries a {@link TestTokens} bearer token. Retries
 * are fast here so the retry tests finish in seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = NotificationApplication.class,
        properties = {
                "spring.config.name=notification",
                "adempauze.webhooks.max-attempts=4",
                "adempauze.webhooks.initial-backoff=PT0.2S",
                "adempauze.webhooks.poll-interval=PT0.1S",
                "adempauze.webhooks.timeout=PT2S",
                // the test receivers listen on 127.0.0.1
                "adempauze.webhooks.allow-private-networks=true",
                // pages: fast polls and retries; the clock is moved past the acknowledgement time by the tests
                "adempauze.paging.poll-interval=PT0.1S",
                "adempauze.paging.initial-backoff=PT0.2S",
                "adempauze.paging.max-attempts=4",
                "adempauze.paging.link-secret=a-test-link-secret-of-32-chars!!",
                "adempauze.paging.public-url=http://door.test",
                "adempauze.paging.sms.api-key=test-sms-key",
                // one context for every class: the malformed-bodies test sends far more than a person does, and no
                // test here is about the rate limit (the platform's own tests are)
                "adempauze.rate-limit.requests-per-second=10000", "adempauze.rate-limit.burst=10000"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
@Import({AdjustableClock.Configuration.class, TestHostNames.class})
public abstract class NotificationIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    protected static final String SECRET = "a-subscriber-secret-of-32-chars!";

    @Autowired
    protected WebTestClient web;

    @Autowired
    private KnownRequestRepository knownRequests;

    /** Page e-mails go to a real SMTP server and SMS to a real HTTP receiver (see {@link PagingChannels}). */
    @DynamicPropertySource
    static void pagingChannels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PagingChannels.get().smtpPort());
        registry.add("adempauze.paging.sms.url", () -> PagingChannels.get().smsUrl());
    }

    protected static String uniqueRequestId() {
        return "req-" + UUID.randomUUID();
    }

    /** An organisation name no other test uses, so tests keep apart. */
    protected static String uniqueOrganisation(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Creates a subscription as the token's holder and returns its id. */
    protected UUID subscribe(String token, String url, List<String> eventTypes, Map<String, String> scope) {
        Map<String, Object> body = scope == null
                ? Map.of("url", url, "secret", SECRET, "eventTypes", eventTypes)
                : Map.of("url", url, "secret", SECRET, "eventTypes", eventTypes, "scope", scope);
        @SuppressWarnings("unchecked")
        Map<String, Object> created = web.post().uri("/api/v1/subscriptions").headers(TestTokens.as(token))
                .bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CREATED)
                .expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) created.get("id"));
    }

    protected List<DeliveryResponse> deliveries(String token, UUID subscription, String status) {
        return web.get().uri(builder -> builder.path("/api/v1/subscriptions/{id}/deliveries")
                        .queryParamIfPresent("status", Optional.ofNullable(status)).build(subscription))
                .headers(TestTokens.as(token))
                .exchange()
                .expectStatus().isOk()
                .expectBodyList(DeliveryResponse.class).returnResult().getResponseBody();
    }

    /** The ids of the events a subscription has a delivery for, whatever its status. */
    protected Set<String> deliveredEventIds(String token, UUID subscription) {
        return deliveries(token, subscription, null).stream().map(DeliveryResponse::eventId)
                .collect(Collectors.toSet());
    }

    protected void unsubscribe(String token, UUID subscription) {
        web.delete().uri("/api/v1/subscriptions/{id}", subscription).headers(TestTokens.as(token))
                .exchange().expectStatus().isNoContent();
    }

    /**
     * Waits until notification has recorded the submitted request, so the request's next events find their
     * referrer organisation and a scope may name the request.
     */
    protected void awaitKnown(String requestId) {
        await().atMost(PATIENCE).until(() -> knownRequests.find(requestId).blockOptional().isPresent());
    }
}
