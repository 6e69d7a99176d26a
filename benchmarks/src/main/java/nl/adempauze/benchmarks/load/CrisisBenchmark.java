package nl.adempauze.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.adempauze.contracts.seed.RegionSeed;
import reactor.core.publisher.Flux;

/**
 * (a) A crisis request from POST to the provider's webhook delivery of its {@code OfferMade} and to the same event
 * on the coordinator's live stream, at constant open-loop rates stepped up until the system saturates. Every
 * location of the care types gets the maximum of free beds first, and each step's beds are counted, so that every
 * request can be offered (offers stay open for 30 minutes and hold their bed).
 */
public final class CrisisBenchmark {

    public static final List<String> CARE_TYPES = List.of("ELV_HOOG", "ELV_LAAG");
    public static final String REFERRER = "huisarts-assen";
    /** The most a provider may publish per location and care type. */
    public static final int BEDS_PER_LOCATION = 1000;
    /** How long a step's late answers and deliveries are waited for before the backlog counts as not draining. */
    public static final Duration DRAIN_LIMIT = Duration.ofSeconds(20);
    /** Below this share of the offered rate, completions are "clearly below" it. */
    public static final double SUSTAINED_SHARE = 0.9;

    /** One step's figures. */
    public record StepResult(double perSecond, Duration duration, int sent, long created, long errors,
                             Map<String, Long> failures, Latencies.Summary post, Latencies.Summary webhook,
                             Latencies.Summary live, double achievedPerSecond, boolean saturated, String verdict,
                             CpuUse.Use cpu) {
    }

    private final BenchmarkStack stack;
    private final Api api;
    private final RegionPicture region;
    private final Correlator webhooks = new Correlator();
    private final Correlator live = new Correlator();
    private final AtomicInteger requestNumber = new AtomicInteger();

    public CrisisBenchmark(BenchmarkStack stack, RegionPicture region) {
        this.stack = stack;
        this.api = new Api(stack);
        this.region = region;
    }

    /** How many beds the region can offer to these requests: the maximum at every location of the care types. */
    public int bedsAvailable() {
        return CARE_TYPES.stream().mapToInt(type -> region.offering(type).size()).sum() * BEDS_PER_LOCATION;
    }

    /**
     * Publishes the maximum of free beds at every location of the care types (as its provider) and subscribes a
     * webhook of every provider of them to {@code OfferMade}.
     */
    public void prepare(WebhookReceiver receiver) {
        List<reactor.core.publisher.Mono<Api.Answer>> publications = new ArrayList<>();
        for (String careType : CARE_TYPES) {
            for (RegionSeed.Location location : region.offering(careType)) {
                String provider = stack.tokens().providerUser(location.providerId());
                publications.add(api.publishCapacity(provider, location.id(), careType, BEDS_PER_LOCATION));
            }
        }
        List<Api.Answer> answers = Flux.concat(publications).collectList().block(Duration.ofMinutes(1));
        if (answers == null || answers.stream().anyMatch(answer -> !answer.is(200))) {
            throw new IllegalStateException("Publishing the beds failed: " + answers);
        }
        for (String provider : region.providersOffering(CARE_TYPES)) {
            api.subscribeProvider(provider, receiver.url(), List.of("OfferMade"));
        }
    }

    /** Hands a webhook delivery to the benchmark. */
    public void onWebhook(Notified event) {
        if ("OfferMade".equals(event.type())) {
            webhooks.arrived(event.field("requestId"), event.arrivedNanos());
        }
    }

    /** Hands a live-stream event to the benchmark. */
    public void onLive(Notified event) {
        if ("OfferMade".equals(event.type())) {
            live.arrived(event.field("requestId"), event.arrivedNanos());
        }
    }

    /** Runs one step; its figures (the warm-up's are not reported). */
    public StepResult step(double perSecond, Duration duration, Supplier<CpuUse.Snapshot> cpu) {
        LoadStep step = new LoadStep(perSecond, duration);
        Outcome byWebhook = new Outcome();
        Outcome byLive = new Outcome();
        CpuUse.Snapshot before = cpu.get();
        step.run(intended -> api.submitRequest(REFERRER, body(requestNumber.getAndIncrement())).subscribe(answer -> {
            if (answer.is(201)) {
                String id = answer.createdId();
                webhooks.sent(id, intended, byWebhook);
                live.sent(id, intended, byLive);
                step.succeeded(intended);
            } else {
                step.failed(intended, "HTTP " + answer.status());
            }
        }, error -> step.failed(intended, error.getClass().getSimpleName())));
        boolean drained = LoadStep.await(() -> step.inFlight() == 0 && byWebhook.completed() >= step.succeeded()
                && byLive.completed() >= step.succeeded(), DRAIN_LIMIT);
        CpuUse.Use use = CpuUse.between(before, cpu.get());
        double achieved = step.achievedPerSecond(byWebhook);
        List<String> reasons = new ArrayList<>();
        if (step.failed() > 0) {
            reasons.add(step.failed() + " errors " + step.failures());
        }
        if (step.inFlight() > 0) {
            reasons.add(step.inFlight() + " POSTs unanswered");
        }
        if (byWebhook.completed() < step.succeeded()) {
            reasons.add((step.succeeded() - byWebhook.completed()) + " offers not delivered by webhook "
                    + DRAIN_LIMIT.toSeconds() + " s after the step");
        }
        if (achieved < SUSTAINED_SHARE * perSecond) {
            reasons.add(String.format(Locale.ROOT, "completions %.0f/s of %.0f/s offered", achieved, perSecond));
        }
        String verdict = reasons.isEmpty() ? "sustained" : String.join("; ", reasons);
        if (drained && byLive.completed() < step.succeeded()) {
            verdict += "; live stream missed " + (step.succeeded() - byLive.completed());
        } else if (!drained && byLive.completed() < step.succeeded()) {
            verdict += "; live stream " + byLive.completed() + " of " + step.succeeded();
        }
        return new StepResult(perSecond, duration, step.sent(), step.succeeded(), step.failed(), step.failures(),
                step.calls().summary(), byWebhook.latencies().summary(), byLive.latencies().summary(), achieved,
                !reasons.isEmpty(), verdict, use);
    }

    /** Forgets unmatched sends and arrivals between steps (a saturated step leaves some). */
    public void forgetUnmatched() {
        webhooks.clear();
        live.clear();
    }

    /** A GP's crisis request as the README shows it, from a postcode area of the region, alternating care types. */
    private String body(int number) {
        List<String> postcodes = region.postcodeAreas();
        return String.format(Locale.ROOT, """
                {"region":"%s","careType":"%s","urgency":"CRISIS","residence":{"postcode":"%s"},\
                "funder":"zilveren-kruis","contact":{"name":"Huisartsenpost Assen","phone":"0592 123456"},\
                "patient":{"name":"Benchmark Patient %d","dateOfBirth":"1936-05-02","bsn":"111222333",\
                "phone":"0592 654321","address":{"street":"Vaart Noordzijde","houseNumber":"12",\
                "postcode":"9401 GX","city":"Assen"}}}""", region.id(), CARE_TYPES.get(number % CARE_TYPES.size()),
                postcodes.get(number % postcodes.size()), number);
    }
}
