package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.Topic;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * A GP's crisis request walked through all three services on the real broker and database, through the front door,
 * with every event delivered twice: capacity published, request, offer, decline, next offer, accept, matched; the
 * coordination point's and the GP post's webhooks and the coordinator's live stream see it happen. Everyone acts
 * with their own demo user's token: the provider publishes and answers for its own locations, the GP follows its
 * own request, the coordinator of drenthe watches the region.
 */
class CrisisFlowEndToEndTest {

    private static final String SECRET = "a-coordination-point-webhook-secret";
    private static final String GP_SECRET = "a-gp-post-webhook-secret";
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private static E2eStack stack;
    /** The GP (huisartsenpost-drenthe) who submits the request and follows it. */
    private static WebClient gp;
    /** The on-call coordinator of drenthe. */
    private static WebClient coordinator;
    private static WebhookReceiver webhooks;
    private static TopicRecorder recorder;
    private static final List<ServerSentEvent<String>> live = new CopyOnWriteArrayList<>();
    private static Disposable liveSubscription;

    @BeforeAll
    static void start() {
        stack = E2eStack.get();
        gp = stack.as(E2eStack.REFERRER);
        coordinator = stack.as(E2eStack.COORDINATOR);
        webhooks = new WebhookReceiver();
        recorder = new TopicRecorder(stack.infrastructure.kafka().bootstrapServers(),
                EventCatalogue.TOPICS.stream().map(Topic::name).toList());
        liveSubscription = coordinator.get().uri("/api/v1/live?region=drenthe").accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(SSE).subscribe(live::add);
    }

    @AfterAll
    static void stop() {
        liveSubscription.dispose();
        recorder.close();
        webhooks.close();
    }

    @Test
    void crisisRequestIsOfferedDeclinedReofferedAcceptedAndEveryoneIsTold() {
        // the coordination point's own system follows the whole region (a scope within the coordinator's regions)
        Map<?, ?> subscription = coordinator.post().uri("/api/v1/subscriptions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", webhooks.url(), "secret", SECRET,
                        "eventTypes", List.of("OfferMade", "OfferDeclined", "OfferAccepted", "RequestMatched"),
                        "scope", Map.of("region", "drenthe")))
                .retrieve().bodyToMono(Map.class).block();
        assertThat(subscription.get("id")).isNotNull();

        // Two providers near Assen publish dementia-suitable ELV high-complex beds.
        publish("loc-assen-de-hoogte", "ELV_HOOG", 2);
        publish("loc-vries-vrieserhof", "ELV_HOOG", 1);
        stack.awaitMatchingCaughtUp();

        var created = gp.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("region", "drenthe", "careType", "ELV_HOOG", "urgency", "CRISIS",
                        "residence", Map.of("postcode", "9401"), "needs", List.of("DEMENTIA"),
                        "funder", "zilveren-kruis",
                        "contact", Map.of("name", "Huisartsenpost Assen", "phone", "0592 123456")))
                .retrieve().toEntity(Map.class).block();
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String requestId = (String) created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/requests/" + requestId);

        // the GP post's system is told how its own request ends (a scope within its own organisation); notification
        // may need a moment to learn that the request is theirs
        String gpHook = webhooks.url() + "/huisartsenpost";
        await().atMost(Duration.ofSeconds(30)).until(() -> gp.post().uri("/api/v1/subscriptions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", gpHook, "secret", GP_SECRET,
                        "eventTypes", List.of("RequestMatched", "RequestEscalated", "RequestCancelled"),
                        "scope", Map.of("requestId", requestId)))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .block(), status -> status == 201);

        Map<?, ?> offered = awaitRequest(requestId, "OFFERED");
        Map<?, ?> firstOffer = (Map<?, ?>) offered.get("currentOffer");
        List<?> ranking = (List<?>) offered.get("ranking");
        assertThat(((Map<?, ?>) ranking.get(0)).get("locationId")).isEqualTo(firstOffer.get("locationId"));
        assertThat((String) ((Map<?, ?>) ranking.get(0)).get("explanation")).contains("km from the patient's home");
        String firstLocation = (String) firstOffer.get("locationId");
        // the provider of the offered location sees it in that location's inbox, and declines
        WebClient firstProvider = stack.asProviderOf(firstLocation);
        List<?> inbox = firstProvider.get().uri("/api/v1/locations/{id}/offers", firstLocation).retrieve()
                .bodyToMono(List.class).block();
        assertThat(inbox).anySatisfy(offer -> assertThat(((Map<?, ?>) offer).get("requestId")).isEqualTo(requestId));

        firstProvider.post().uri("/api/v1/offers/{id}/decline", firstOffer.get("id"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "No nurse for dementia care tonight")).retrieve().toBodilessEntity().block();

        Map<?, ?> reoffered = await().atMost(Duration.ofSeconds(30)).until(() -> request(requestId),
                r -> "OFFERED".equals(r.get("status"))
                        && !firstOffer.get("id").equals(((Map<?, ?>) r.get("currentOffer")).get("id")));
        Map<?, ?> secondOffer = (Map<?, ?>) reoffered.get("currentOffer");
        assertThat(secondOffer.get("locationId")).isNotEqualTo(firstLocation);

        stack.asProviderOf((String) secondOffer.get("locationId")).post()
                .uri("/api/v1/offers/{id}/accept", secondOffer.get("id")).retrieve().toBodilessEntity().block();
        Map<?, ?> matched = awaitRequest(requestId, "MATCHED");
        Map<?, ?> match = (Map<?, ?>) matched.get("match");
        assertThat(match.get("locationId")).isEqualTo(secondOffer.get("locationId"));
        assertThat(match.get("street")).isNotNull();
        assertThat(match.get("expectedAdmissionAt")).isNotNull();

        // The coordination point's system got each fact once (although every event was delivered twice), signed.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhooksFor(requestId, SECRET))
                .extracting(WebhookReceiver.Received::eventType)
                .containsExactlyInAnyOrder("OfferMade", "OfferDeclined", "OfferMade", "OfferAccepted", "RequestMatched"));
        assertThat(webhooksFor(requestId, SECRET)).extracting(WebhookReceiver.Received::eventId).doesNotHaveDuplicates();
        // The GP post's system heard that its request was matched, once, signed with its own secret.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhooksFor(requestId, GP_SECRET))
                .extracting(WebhookReceiver.Received::eventType).containsExactly("RequestMatched"));
        assertThat(webhooks.received()).filteredOn(hook -> hook.body().contains(requestId))
                .allMatch(hook -> hook.signedWith(SECRET) || hook.signedWith(GP_SECRET));

        // The coordinator's live board saw the offers and the match.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(live)
                .filteredOn(event -> event.data() != null && event.data().contains(requestId))
                .extracting(ServerSentEvent::event)
                .contains("RequestSubmitted", "OfferMade", "OfferDeclined", "OfferAccepted", "RequestMatched"));

        // Every event on the wire conforms to its schema and carries no contact details.
        assertThat(recorder.all()).isNotEmpty().allSatisfy(seen -> assertThat(seen.schemaErrors()).isEmpty());
        assertThat(recorder.all()).noneMatch(seen -> new String(seen.raw()).contains("Huisartsenpost Assen")
                || new String(seen.raw()).contains("123456"));
        assertThat(stack.duplicator.duplicated()).isPositive();

        // One trace follows the GP's POST across the Kafka hops to the first offer (the decline starts another).
        Object firstOfferId = firstOffer.get("id");
        var hops = recorder.all().stream().filter(seen -> firstChain(seen.payload(), requestId, firstOfferId)).toList();
        assertThat(hops).extracting(TopicRecorder.Seen::type)
                .contains("RequestSubmitted", "HoldRequested", "BedHeld", "OfferMade");
        assertThat(hops).extracting(seen -> traceId(seen.traceparent())).doesNotContainNull()
                .containsOnly(traceId(hops.get(0).traceparent()));
    }

    private static boolean firstChain(Object payload, String requestId, Object offerId) {
        if (payload instanceof RequestSubmitted submitted) {
            return submitted.requestId().equals(requestId);
        }
        if (payload instanceof HoldRequested requested) {
            return requested.offerId().equals(offerId);
        }
        if (payload instanceof BedHeld held) {
            return held.offerId().equals(offerId);
        }
        return payload instanceof OfferMade made && made.offerId().equals(offerId);
    }

    private static String traceId(String traceparent) {
        return traceparent == null ? null : traceparent.split("-")[1];
    }

    /** The deliveries about the request to the subscription with this secret. */
    private List<WebhookReceiver.Received> webhooksFor(String requestId, String secret) {
        return webhooks.received().stream().filter(hook -> hook.body().contains(requestId))
                .filter(hook -> hook.signedWith(secret)).toList();
    }

    /** The location's own provider publishes its free beds. */
    private static void publish(String locationId, String careType, int freeBeds) {
        stack.asProviderOf(locationId).put().uri("/api/v1/locations/{id}/capacity/{careType}", locationId, careType)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("freeBeds", freeBeds))
                .retrieve().toBodilessEntity().block();
    }

    /** The GP follows its own request. */
    static Map<?, ?> request(String id) {
        return gp.get().uri("/api/v1/requests/{id}", id).retrieve().bodyToMono(Map.class).block();
    }

    private static Map<?, ?> awaitRequest(String id, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> request(id), r -> status.equals(r.get("status")));
    }
}
