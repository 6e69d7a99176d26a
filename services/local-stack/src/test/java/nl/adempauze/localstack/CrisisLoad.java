package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.Topic;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.platform.testing.TopicRecorder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A GP post sending crisis requests at a steady rate while a fault is injected, and the bookkeeping that proves
 * nothing was lost or given twice: every request answered 201 must end offered, matched or escalated; every offer
 * must reach the provider's webhook; no request, offer or hold may be made twice (a second event with a new id for
 * the same fact); and once the requests are cancelled every bed is free again.
 */
final class CrisisLoad implements AutoCloseable {

    static final String LOCATION = "loc-assen-de-hoogte";
    static final String CARE_TYPE = "ELV_HOOG";
    static final String PROVIDER = "planner-zorggroep-drentse-aa";
    private static final String SECRET = "a-fault-injection-webhook-secret";
    private static final Set<String> ANSWERED = Set.of("OFFERED", "MATCHED", "ESCALATED");

    /** What one fault did to the flow; printed, and lost and duplicated must be 0. */
    record Counts(String scenario, int sent, int accepted, int refused, int completed, int offered, int webhooks,
                  int lost, int duplicated, int redelivered) {

        /** Every request answered 201 was answered, none lost, none twice; at least {@code minimum} were accepted. */
        void assertNothingLostNothingTwice(int minimum) {
            assertThat(accepted).as(scenario + ": accepted").isGreaterThan(minimum);
            assertThat(completed).as(scenario + ": completed").isEqualTo(accepted);
            assertThat(lost).as(scenario + ": lost").isZero();
            assertThat(duplicated).as(scenario + ": duplicated").isZero();
        }

        @Override
        public String toString() {
            return "%s: sent=%d accepted=%d refused=%d completed=%d (offered %d, webhooks %d) lost=%d duplicated=%d"
                    .formatted(scenario, sent, accepted, refused, completed, offered, webhooks, lost, duplicated)
                    + " (redelivered events, same id, absorbed by the consumers: " + redelivered + ")";
        }
    }

    private final FaultStack stack;
    private final String scenario;
    private final int beds;
    private final TopicRecorder events;
    private final WebhookReceiver webhooks = new WebhookReceiver();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private ScheduledExecutorService sender;

    /** Publishes {@code beds} free beds at De Hoogte and subscribes its provider's webhook to offers. */
    CrisisLoad(FaultStack stack, String scenario, int beds) {
        this.stack = stack;
        this.scenario = scenario;
        this.beds = beds;
        events = new TopicRecorder(stack.processes.kafka().bootstrapServers(), List.of(
                EventCatalogue.REQUESTS.name(), EventCatalogue.OFFERS.name(), EventCatalogue.HOLDS.name()));
        stack.bedAvailability(PROVIDER).put().uri("/api/v1/locations/{id}/capacity/{type}", LOCATION, CARE_TYPE)
                .bodyValue(Map.of("freeBeds", beds)).retrieve().toBodilessEntity().block();
        stack.notification(PROVIDER).post().uri("/api/v1/subscriptions").bodyValue(Map.of("url", webhooks.url(),
                "secret", SECRET, "eventTypes", List.of("OfferMade"), "scope", Map.of("locationId", LOCATION)))
                .retrieve().toBodilessEntity().block();
        await().atMost(Duration.ofSeconds(60)).until(this::allBedsFree);
    }

    /** Starts sending {@code perSecond} crisis requests a second, each without waiting for the last. */
    CrisisLoad start(int perSecond) {
        sender = Executors.newSingleThreadScheduledExecutor();
        sender.scheduleAtFixedRate(this::send, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        return this;
    }

    /**
     * Lets the sender go on for this long while the test holds the fault (the sender runs on its own schedule; this
     * waits for no event).
     */
    void keepSendingFor(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        await().atMost(duration.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> System.nanoTime() >= until);
    }

    void stop() {
        sender.shutdownNow();
        // answers still on their way are counted once they come
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() + refused.get() == sent.get());
    }

    private void send() {
        sent.incrementAndGet();
        stack.requestMatching(E2eStack.REFERRER).post().uri("/api/v1/requests").bodyValue(Map.of(
                        "region", "drenthe", "careType", CARE_TYPE, "urgency", "CRISIS",
                        "residence", Map.of("postcode", "9401"), "needs", List.of(),
                        "contact", Map.of("name", "Huisartsenpost Assen", "phone", "0592 123456")))
                .exchangeToMono(response -> response.statusCode().value() == 201
                        ? response.bodyToMono(Map.class).map(body -> (String) body.get("id"))
                        : response.releaseBody().thenReturn(""))
                .timeout(Duration.ofSeconds(30))
                .subscribe(id -> {
                    if (id.isEmpty()) {
                        refused.incrementAndGet();
                    } else {
                        accepted.add(id);
                    }
                }, error -> refused.incrementAndGet());
    }

    /**
     * Waits until every accepted request is offered, matched or escalated and every offer has reached the webhook,
     * then counts what was lost or made twice.
     */
    Counts awaitSettled(Duration timeout) {
        int refusedWithoutId = sent.get() - accepted.size();
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                accepted.stream().filter(id -> !answered(id)).forEach(this::refreshStatus);
                return accepted.stream().allMatch(this::answered);
            });
            await().atMost(timeout).until(() -> offersOf(accepted).keySet().stream().allMatch(this::deliveredByWebhook));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(scenario + " did not settle: " + state(), e);
        }
        Set<String> ours = Set.copyOf(accepted);
        int duplicated = facts(RequestSubmitted.class, e -> ours.contains(e.requestId()), RequestSubmitted::requestId)
                + facts(HoldRequested.class, e -> ours.contains(e.requestId()), HoldRequested::offerId)
                + facts(OfferMade.class, e -> ours.contains(e.requestId()), OfferMade::offerId)
                + facts(BedHeld.class, e -> ours.contains(e.requestId()), BedHeld::offerId)
                + webhookDuplicates(offersOf(accepted).keySet())
                + secondOffers(ours);
        // every offer holds one bed at De Hoogte and no more: a hold made twice, or one lost, shows here
        int heldBeyondOffers = heldBeds() - offersOf(accepted).size();
        duplicated += Math.max(0, heldBeyondOffers);
        List<String> unanswered = accepted.stream().filter(id -> !answered(id)).toList();
        List<String> unpublished = accepted.stream().filter(id -> events.payloads(RequestSubmitted.class,
                e -> e.requestId().equals(id)).isEmpty()).toList();
        int lost = Math.max(0, -heldBeyondOffers) + unanswered.size() + unpublished.size();
        if (lost > 0 || duplicated > 0) {
            // which count it is, so a failure points at the part that failed
            System.out.println("FAULT " + scenario + " in detail: unanswered " + unanswered.size() + " "
                    + unanswered.stream().limit(5).toList() + ", RequestSubmitted not on the topic "
                    + unpublished.size() + " " + unpublished.stream().limit(5).toList() + ", beds held "
                    + heldBeds() + " for " + offersOf(accepted).size() + " offers, requests offered twice "
                    + secondOffers(ours));
        }
        int redelivered = (int) (events.all().size() - events.all().stream().map(TopicRecorder.Seen::id)
                .distinct().count());
        Counts counts = new Counts(scenario, sent.get(), accepted.size(), refusedWithoutId,
                (int) accepted.stream().filter(this::answered).count(),
                offersOf(accepted).size(), (int) offersOf(accepted).keySet().stream()
                        .filter(this::deliveredByWebhook).count(), lost, duplicated, redelivered);
        System.out.println("FAULT " + counts);
        return counts;
    }

    private boolean answered(String requestId) {
        return ANSWERED.contains(statuses.getOrDefault(requestId, "UNKNOWN"));
    }

    /** Where the requests stand, for a failure message. */
    private String state() {
        Map<String, Long> byStatus = accepted.stream().collect(Collectors.groupingBy(
                id -> statuses.getOrDefault(id, "UNKNOWN"), Collectors.counting()));
        Set<String> offers = offersOf(accepted).keySet();
        List<String> withoutWebhook = offers.stream().filter(offer -> !deliveredByWebhook(offer)).limit(5).toList();
        return "requests by status " + byStatus + ", offers " + offers.size() + ", webhooks received "
                + webhooks.received().size() + ", offers without webhook (first 5) " + withoutWebhook
                + ", beds held " + heldBeds();
    }

    private void refreshStatus(String requestId) {
        Map<?, ?> request = stack.requestMatching(E2eStack.COORDINATOR).get().uri("/api/v1/requests/{id}", requestId)
                .retrieve().bodyToMono(Map.class).onErrorResume(e -> reactor.core.publisher.Mono.empty()).block();
        if (request != null) {
            statuses.put(requestId, (String) request.get("status"));
        }
    }

    /** Offers made for these requests: offer id to request id. */
    private Map<String, String> offersOf(List<String> requests) {
        Set<String> ours = Set.copyOf(requests);
        return events.payloads(OfferMade.class, e -> ours.contains(e.requestId())).stream()
                .collect(Collectors.toMap(OfferMade::offerId, OfferMade::requestId, (a, b) -> a));
    }

    /** How many facts of this kind were published more than once under different event ids. */
    private <T> int facts(Class<T> type, java.util.function.Predicate<T> ours,
                          java.util.function.Function<T, String> fact) {
        Map<String, Set<String>> eventIds = new HashMap<>();
        for (TopicRecorder.Seen seen : events.all()) {
            if (type.isInstance(seen.payload()) && ours.test(type.cast(seen.payload()))) {
                eventIds.computeIfAbsent(fact.apply(type.cast(seen.payload())), k -> new HashSet<>()).add(seen.id());
            }
        }
        return (int) eventIds.values().stream().filter(ids -> ids.size() > 1).count();
    }

    /** Requests offered to more than one location (nobody declined here, so one offer each is all there may be). */
    private int secondOffers(Set<String> ours) {
        return (int) events.payloads(OfferMade.class, e -> ours.contains(e.requestId())).stream()
                .collect(Collectors.groupingBy(OfferMade::requestId, Collectors.mapping(OfferMade::offerId,
                        Collectors.toSet())))
                .values().stream().filter(offers -> offers.size() > 1).count();
    }

    private boolean deliveredByWebhook(String offerId) {
        return webhooks.received().stream().anyMatch(hook -> hook.body().contains(offerId) && hook.signedWith(SECRET));
    }

    /** Offers told to the webhook as two different events (a retry of one event, same id, is allowed). */
    private int webhookDuplicates(Set<String> offers) {
        return (int) offers.stream().filter(offer -> webhooks.received().stream()
                .filter(hook -> hook.body().contains(offer)).map(WebhookReceiver.Received::eventId)
                .distinct().count() > 1).count();
    }

    /** De Hoogte's figure for the care type ({@code availableBeds}, {@code heldBeds}, ...) in the region's view. */
    private int figure(String field) {
        Map<?, ?> view = stack.bedAvailability(E2eStack.COORDINATOR).get()
                .uri("/api/v1/regions/drenthe/capacity?careType={type}", CARE_TYPE).retrieve()
                .bodyToMono(Map.class).block();
        return ((List<?>) view.get("locations")).stream().map(Map.class::cast)
                .filter(location -> LOCATION.equals(location.get("locationId")))
                .flatMap(location -> ((List<?>) location.get("careTypes")).stream().map(Map.class::cast))
                .filter(figure -> CARE_TYPE.equals(figure.get("careType")))
                .mapToInt(figure -> ((Number) figure.get(field)).intValue()).sum();
    }

    private boolean allBedsFree() {
        return figure("heldBeds") == 0 && figure("availableBeds") == beds;
    }

    /** Beds held now at De Hoogte: one per open offer, never more. */
    int heldBeds() {
        return figure("heldBeds");
    }

    /** Cancels every request still open, and waits until every bed is free again (no hold kept, none released twice). */
    @Override
    public void close() {
        try {
            for (String requestId : accepted) {
                stack.requestMatching(E2eStack.COORDINATOR).post().uri("/api/v1/requests/{id}/cancel", requestId)
                        .bodyValue(Map.of("reason", "End of the fault-injection test")).retrieve().toBodilessEntity()
                        .onErrorResume(e -> reactor.core.publisher.Mono.empty()).block();
            }
            await().atMost(Duration.ofSeconds(60)).until(this::allBedsFree);
        } finally {
            events.close();
            webhooks.close();
        }
    }
}
