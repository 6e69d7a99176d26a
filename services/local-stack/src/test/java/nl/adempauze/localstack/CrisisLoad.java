package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A GP post sending crisis requests at a steady rate while a fault is injected, and the bookkeeping that proves
 * nothing was lost or given twice. Like a careful GP post, it sends each request with an {@code Idempotency-Key} and
 * sends a request that got no 201 again with the same key once the fault is over: an answer lost on the way (the
 * service died after its commit) then yields the request made the first time, not a second one. Afterwards every
 * request sent must be in the system once and end offered, matched or escalated; every offer must reach the
 * provider's webhook; no request, offer or hold may be made twice (a second event with a new id for the same fact);
 * no request may exist that the GP post does not know of; and once the requests are cancelled every bed is free
 * again.
 */
final class CrisisLoad implements AutoCloseable {

    static final String LOCATION = "loc-assen-de-hoogte";
    static final String CARE_TYPE = "ELV_HOOG";
    static final String PROVIDER = "planner-zorggroep-drentse-aa";
    private static final String SECRET = "a-fault-injection-webhook-secret";
    private static final Set<String> ANSWERED = Set.of("OFFERED", "MATCHED", "ESCALATED");

    /**
     * What one fault did to the flow; printed, and lost and duplicated must be 0. {@code accepted} and
     * {@code refused} count the first answers; of the refused requests sent again, {@code answerLost} had been made
     * the first time (200, the same request) and {@code madeOnRetry} were made by the retry (201).
     */
    record Counts(String scenario, int sent, int accepted, int refused, int answerLost, int madeOnRetry,
                  int failedOver, int completed, int escalated, int offered, int webhooks, int lost, int duplicated,
                  int redelivered) {

        /**
         * Every request sent is in the system once and was answered, none lost, none twice; every one not meant to
         * escalate was offered; at least {@code minimum} were accepted at the first try.
         */
        void assertNothingLostNothingTwice(int minimum) {
            assertThat(accepted).as(scenario + ": accepted").isGreaterThan(minimum);
            assertThat(accepted + answerLost + madeOnRetry).as(scenario + ": requests in the system").isEqualTo(sent);
            assertThat(completed).as(scenario + ": completed").isEqualTo(sent);
            assertThat(offered).as(scenario + ": offered (every request not meant to escalate)")
                    .isEqualTo(sent - escalated);
            assertThat(lost).as(scenario + ": lost").isZero();
            assertThat(duplicated).as(scenario + ": duplicated").isZero();
        }

        @Override
        public String toString() {
            return ("%s: sent=%d accepted=%d refused=%d (sent again with the same key: made before, answer lost %d;"
                    + " made now %d; answered by the other instance after the first failed %d) completed=%d"
                    + " (escalated %d, offered %d, webhooks %d) lost=%d duplicated=%d")
                    .formatted(scenario, sent, accepted, refused, answerLost, madeOnRetry, failedOver, completed,
                            escalated, offered, webhooks, lost, duplicated)
                    + " (redelivered events, same id, absorbed by the consumers: " + redelivered + ")";
        }
    }

    /** The answer to one POST: its status (0 when none came) and the request's id when it was 2xx. */
    private record Answer(int status, String requestId) {

        boolean succeeded() {
            return requestId != null;
        }
    }

    private final FaultStack stack;
    private final String scenario;
    private final int beds;
    private final TopicRecorder events;
    private final WebhookReceiver webhooks = new WebhookReceiver();
    /** The provider's subscription to this load's receiver, deactivated when the load closes. */
    private final String subscription;
    /** Every request the GP post has an id for: answered 201 at once, or found by sending it again. */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    /** The idempotency keys of the requests whose first POST got no 201. */
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger answerLost = new AtomicInteger();
    private final AtomicInteger madeOnRetry = new AtomicInteger();
    /** POSTs answered by another instance of request-matching after the first they went to gave no answer. */
    private final AtomicInteger failedOver = new AtomicInteger();
    /** Spreads POSTs and reads over the instances of request-matching, as a load balancer would. */
    private final AtomicInteger nextInstance = new AtomicInteger();
    /** The care type of the request sent under each idempotency key. */
    private final Map<String, String> careTypeOfKey = new ConcurrentHashMap<>();
    /** The requests sent for {@link #escalatingCareType}, for which no bed is meant to fit. */
    private final List<String> escalating = new CopyOnWriteArrayList<>();
    private String escalatingCareType;
    private int escalateEvery;
    private ScheduledExecutorService sender;
    private Instant startedAt;
    /** How long each phase took, printed at the end: where a fault test spends its minutes. */
    private final StringBuilder phases = new StringBuilder();
    private long phaseStarted = System.nanoTime();

    /** Publishes {@code beds} free beds at De Hoogte and subscribes its provider's webhook to offers. */
    CrisisLoad(FaultStack stack, String scenario, int beds) {
        this.stack = stack;
        this.scenario = scenario;
        this.beds = beds;
        events = new TopicRecorder(stack.processes.kafka().bootstrapServers(), List.of(
                EventCatalogue.REQUESTS.name(), EventCatalogue.OFFERS.name(), EventCatalogue.HOLDS.name()));
        stack.bedAvailability(PROVIDER).put().uri("/api/v1/locations/{id}/capacity/{type}", LOCATION, CARE_TYPE)
                .bodyValue(Map.of("freeBeds", beds)).retrieve().toBodilessEntity().block();
        // subscribed through the last instance: any instance's subscription reaches every instance's deliveries
        List<nl.adempauze.localstack.process.ServiceProcess> notifications = stack.processes.instances("notification");
        subscription = String.valueOf(stack.as(PROVIDER, notifications.get(notifications.size() - 1)).post()
                .uri("/api/v1/subscriptions").bodyValue(Map.of("url", webhooks.url(), "secret", SECRET,
                        "eventTypes", List.of("OfferMade"), "scope", Map.of("locationId", LOCATION)))
                .retrieve().bodyToMono(Map.class).block().get("id"));
        await().atMost(Duration.ofSeconds(60)).until(this::allBedsFree);
    }

    /**
     * Makes every {@code nth} request one for {@code careType}, for which the test took every bed: those escalate
     * (and page the coordinator on call) instead of being offered. Call before {@link #start(int)}.
     */
    CrisisLoad escalatingEvery(int nth, String careType) {
        this.escalateEvery = nth;
        this.escalatingCareType = careType;
        return this;
    }

    /** The requests sent for the escalating care type that are in the system. */
    List<String> escalating() {
        return List.copyOf(escalating);
    }

    /** Starts sending {@code perSecond} crisis requests a second, each without waiting for the last. */
    CrisisLoad start(int perSecond) {
        phaseEnded("set-up");
        startedAt = Instant.now();
        sender = Executors.newSingleThreadScheduledExecutor();
        sender.scheduleAtFixedRate(this::send, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        return this;
    }

    /**
     * The most requests one round sends: nine in ten of De Hoogte's free beds, so that every request finds a bed
     * there even when a slow restart stretches the round (the sender then stops early and the round holds on).
     */
    int mostRequests() {
        return beds - beds / 10;
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

    /**
     * Stops sending, waits for the answers still on their way, and sends every request that got no 201 again with
     * its key, as the GP post would once the fault is over, until it is answered.
     */
    void stop() {
        sender.shutdownNow();
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() + refused.size() == sent.get());
        for (String key : refused) {
            Answer answer = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> submit(key).block(), Answer::succeeded);
            (answer.status() == 201 ? madeOnRetry : answerLost).incrementAndGet();
            made(key, answer.requestId());
        }
        phaseEnded("load and fault");
    }

    private void phaseEnded(String phase) {
        long now = System.nanoTime();
        phases.append(phases.isEmpty() ? "" : ", ").append(phase).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.1f s", (now - phaseStarted) / 1e9));
        phaseStarted = now;
    }

    private void send() {
        if (sent.get() >= mostRequests()) {
            // the round is full: one more would find De Hoogte without a free bed and be offered elsewhere
            return;
        }
        String key = UUID.randomUUID().toString();
        int number = sent.incrementAndGet();
        careTypeOfKey.put(key, escalateEvery > 0 && number % escalateEvery == 0 ? escalatingCareType : CARE_TYPE);
        submit(key).subscribe(answer -> {
            if (answer.succeeded()) {
                made(key, answer.requestId());
                accepted.incrementAndGet();
            } else {
                refused.add(key);
            }
        });
    }

    private void made(String key, String requestId) {
        requests.add(requestId);
        if (!CARE_TYPE.equals(careTypeOfKey.get(key))) {
            escalating.add(requestId);
        }
    }

    /**
     * One crisis request under this key, POSTed to the next instance of request-matching; when that one gives no
     * answer or a 5xx, to the next, until each was tried once (as a load balancer retries a request that carries
     * an idempotency key: a second POST cannot make a second request).
     */
    private Mono<Answer> submit(String idempotencyKey) {
        List<WebClient> instances = requestMatchingInstances(E2eStack.REFERRER);
        int first = Math.floorMod(nextInstance.getAndIncrement(), instances.size());
        Mono<Answer> answer = post(instances.get(first), idempotencyKey);
        for (int i = 1; i < instances.size(); i++) {
            WebClient next = instances.get((first + i) % instances.size());
            answer = answer.flatMap(earlier -> earlier.succeeded() || earlier.status() / 100 == 4
                    ? Mono.just(earlier)
                    : post(next, idempotencyKey).doOnNext(later -> {
                        if (later.succeeded()) {
                            failedOver.incrementAndGet();
                        }
                    }));
        }
        return answer;
    }

    /** A client of each instance of request-matching, signed in as this user. */
    private List<WebClient> requestMatchingInstances(String user) {
        return stack.requestMatchingInstances().stream().map(instance -> stack.as(user, instance)).toList();
    }

    /** A client of the next instance of request-matching (round robin), signed in as this user. */
    private WebClient requestMatching(String user) {
        List<WebClient> instances = requestMatchingInstances(user);
        return instances.get(Math.floorMod(nextInstance.getAndIncrement(), instances.size()));
    }

    /** One POST of a crisis request under this key; an error or no answer within 30 s is status 0. */
    private Mono<Answer> post(WebClient requestMatching, String idempotencyKey) {
        return requestMatching.post().uri("/api/v1/requests")
                .header("Idempotency-Key", idempotencyKey).bodyValue(Map.of(
                        "region", "drenthe", "careType", careTypeOfKey.get(idempotencyKey), "urgency", "CRISIS",
                        "residence", Map.of("postcode", "9401"), "needs", List.of(),
                        "contact", Map.of("name", "Huisartsenpost Assen", "phone", "0592 123456")))
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(Map.class).map(body -> new Answer(response.statusCode().value(),
                                (String) body.get("id")))
                        : response.releaseBody().thenReturn(new Answer(response.statusCode().value(), null)))
                .timeout(Duration.ofSeconds(30))
                .onErrorResume(error -> Mono.just(new Answer(0, null)));
    }

    /**
     * Waits until every request is offered, matched or escalated and every offer has reached the webhook,
     * then counts what was lost or made twice.
     */
    Counts awaitSettled(Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                Flux.fromIterable(requests).filter(id -> !answered(id)).flatMap(this::refreshStatus, 8).blockLast();
                return requests.stream().allMatch(this::answered);
            });
            await().atMost(timeout).until(() -> offersOf(requests).keySet().stream().allMatch(this::deliveredByWebhook));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(scenario + " did not settle: " + state(), e);
        }
        phaseEnded("settling");
        Set<String> ours = Set.copyOf(requests);
        int duplicated = facts(RequestSubmitted.class, e -> ours.contains(e.requestId()), RequestSubmitted::requestId)
                + facts(HoldRequested.class, e -> ours.contains(e.requestId()), HoldRequested::offerId)
                + facts(OfferMade.class, e -> ours.contains(e.requestId()), OfferMade::offerId)
                + facts(BedHeld.class, e -> ours.contains(e.requestId()), BedHeld::offerId)
                + webhookDuplicates(offersOf(requests).keySet())
                + secondOffers(ours);
        // a request the GP post never heard of: sent again without its key, it would be made twice
        List<String> unknown = unknownToTheGpPost();
        duplicated += unknown.size();
        // every offer holds one bed at De Hoogte and no more: a hold made twice, or one lost, shows here
        int heldBeyondOffers = heldBeds() - offersOf(requests).size() - offersOf(unknown).size();
        duplicated += Math.max(0, heldBeyondOffers);
        List<String> unanswered = requests.stream().filter(id -> !answered(id)).toList();
        List<String> unpublished = requests.stream().filter(id -> events.payloads(RequestSubmitted.class,
                e -> e.requestId().equals(id)).isEmpty()).toList();
        int lost = Math.max(0, -heldBeyondOffers) + unanswered.size() + unpublished.size();
        if (lost > 0 || duplicated > 0) {
            // which count it is, so a failure points at the part that failed
            System.out.println("FAULT " + scenario + " in detail: unanswered " + unanswered.size() + " "
                    + unanswered.stream().limit(5).toList() + ", RequestSubmitted not on the topic "
                    + unpublished.size() + " " + unpublished.stream().limit(5).toList() + ", beds held "
                    + heldBeds() + " for " + offersOf(requests).size() + " offers, requests offered twice "
                    + secondOffers(ours) + ", requests the GP post does not know of " + unknown.size() + " "
                    + unknown.stream().limit(5).toList());
        }
        int redelivered = (int) (events.all().size() - events.all().stream().map(TopicRecorder.Seen::id)
                .distinct().count());
        Counts counts = new Counts(scenario, sent.get(), accepted.get(), refused.size(), answerLost.get(),
                madeOnRetry.get(), failedOver.get(), (int) requests.stream().filter(this::answered).count(),
                escalating.size(), offersOf(requests).size(), (int) offersOf(requests).keySet().stream()
                        .filter(this::deliveredByWebhook).count(), lost, duplicated, redelivered);
        FaultFigures.print("FAULT " + counts);
        return counts;
    }

    private boolean answered(String requestId) {
        return ANSWERED.contains(statuses.getOrDefault(requestId, "UNKNOWN"));
    }

    /** Where the requests stand, for a failure message. */
    private String state() {
        Map<String, Long> byStatus = requests.stream().collect(Collectors.groupingBy(
                id -> statuses.getOrDefault(id, "UNKNOWN"), Collectors.counting()));
        Set<String> offers = offersOf(requests).keySet();
        List<String> withoutWebhook = offers.stream().filter(offer -> !deliveredByWebhook(offer)).limit(5).toList();
        return "requests by status " + byStatus + ", offers " + offers.size() + ", webhooks received "
                + webhooks.received().size() + ", offers without webhook (first 5) " + withoutWebhook
                + ", beds held " + heldBeds();
    }

    private Mono<Void> refreshStatus(String requestId) {
        return requestMatching(E2eStack.COORDINATOR).get().uri("/api/v1/requests/{id}", requestId)
                .retrieve().bodyToMono(Map.class).onErrorResume(e -> Mono.empty())
                .doOnNext(request -> statuses.put(requestId, (String) request.get("status"))).then();
    }

    /** Requests made since this load started (they are on the topic) that the GP post has no id for. */
    private List<String> unknownToTheGpPost() {
        Set<String> known = Set.copyOf(requests);
        return startedAt == null ? List.of() : events.payloads(RequestSubmitted.class,
                        e -> !e.submittedAt().isBefore(startedAt) && !known.contains(e.requestId())).stream()
                .map(RequestSubmitted::requestId).distinct().toList();
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

    /** What this load saw on the requests, offers and holds topics. */
    TopicRecorder events() {
        return events;
    }

    /** Beds held now at De Hoogte: one per open offer, never more. */
    int heldBeds() {
        return figure("heldBeds");
    }

    /**
     * Cancels every request still open, those the GP post does not know of included (so one failure does not leave
     * beds held for the next test), and waits until every bed is free again (no hold kept, none released twice).
     */
    @Override
    public void close() {
        try {
            // a few at a time, as several coordinators would: one by one, hundreds take longer than the fault
            Flux.concat(Flux.fromIterable(requests), Flux.fromIterable(unknownToTheGpPost()))
                    .flatMap(requestId -> Mono.defer(() -> requestMatching(E2eStack.COORDINATOR).post()
                                    .uri("/api/v1/requests/{id}/cancel", requestId)
                                    .bodyValue(Map.of("reason", "End of the fault-injection test")).retrieve()
                                    .toBodilessEntity())
                            // an instance still starting refuses: the next attempt goes to the next instance
                            .retryWhen(reactor.util.retry.Retry.backoff(5, Duration.ofMillis(200)).filter(e -> !(e
                                    instanceof WebClientResponseException refused
                                    && refused.getStatusCode().is4xxClientError())))
                            .onErrorResume(e -> Mono.empty()), 8)
                    .blockLast();
            await().atMost(Duration.ofSeconds(60)).until(this::allBedsFree);
            // the receiver closes with this load: a subscription left behind would have every later load's offers
            // retried against a closed port, and the backlog would hold up the retries the next load waits for
            stack.as(PROVIDER, stack.processes.instances("notification").get(0)).delete()
                    .uri("/api/v1/subscriptions/{id}", subscription).retrieve().toBodilessEntity()
                    .retryWhen(reactor.util.retry.Retry.backoff(5, Duration.ofMillis(200))).block();
            phaseEnded("clean-up");
            System.out.println("FAULT " + scenario + " took: " + phases);
        } finally {
            events.close();
            webhooks.close();
        }
    }
}
