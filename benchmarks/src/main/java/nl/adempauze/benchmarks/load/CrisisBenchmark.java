package nl.adempauze.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.adempauze.contracts.seed.RegionSeed;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * (a) A crisis request from POST to the provider's webhook delivery of its {@code OfferMade} and to the same event
 * on the coordinator's live stream, at constant open-loop rates stepped up until the system saturates. Every
 * location of the care types gets the maximum of free beds first, so that every request can be offered (offers
 * stay open for 30 minutes and hold their bed).
 */
public final class CrisisBenchmark {

    public static final List<String> CARE_TYPES = List.of("ELV_HOOG", "ELV_LAAG");
    public static final String REFERRER = "huisarts-assen";
    /** The most a provider may publish per location and care type. */
    public static final int BEDS_PER_LOCATION = 1000;
    /** How long a step's late offers are waited for before the step counts as saturated. */
    public static final Duration DRAIN_LIMIT = Duration.ofSeconds(20);
    /** A step stops sending once more requests wait for their offer than arrive in this time, and at least 200. */
    public static final Duration BACKLOG = Duration.ofSeconds(5);
    public static final int MIN_BACKLOG = 200;
    /** A step that ends with more than this much of its requests waiting, and more than halfway, is saturated. */
    public static final Duration QUEUE = Duration.ofSeconds(1);
    /** Completions below this share of the offered rate saturate the step. */
    public static final double SUSTAINED_SHARE = 0.9;
    /** After a saturated step, how long its last offers are waited for before the run goes on. */
    public static final Duration QUIET_LIMIT = Duration.ofSeconds(90);

    /** One step's figures; {@code verdict} is "sustained" or why the step counts as saturated. */
    public record StepResult(double perSecond, Duration duration, int sent, long created, long errors,
                             Latencies.Summary post, Latencies.Summary webhook, Latencies.Summary toOffer,
                             Latencies.Summary offerToWebhook, Latencies.Summary live, double achievedPerSecond,
                             boolean saturated, String verdict, CpuUse.Use cpu, Map<String, Double> workPerRequest) {
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

    public int bedsAvailable() {
        return CARE_TYPES.stream().mapToInt(type -> region.offering(type).size()).sum() * BEDS_PER_LOCATION;
    }

    /** Publishes the most free beds at every location of the care types; a webhook per provider of them. */
    public void prepare(WebhookReceiver receiver) {
        List<Mono<Api.Answer>> publications = new ArrayList<>();
        for (String careType : CARE_TYPES) {
            for (RegionSeed.Location location : region.offering(careType)) {
                publications.add(api.publishCapacity(stack.tokens().providerUser(location.providerId()),
                        location.id(), careType, BEDS_PER_LOCATION));
            }
        }
        List<Api.Answer> answers = Flux.concat(publications).collectList().block(Duration.ofMinutes(1));
        if (answers == null || answers.stream().anyMatch(answer -> !answer.is(200))) {
            throw new IllegalStateException("Publishing the beds failed: " + answers);
        }
        region.providersOffering(CARE_TYPES).forEach(provider ->
                api.subscribeProvider(provider, receiver.url(), List.of("OfferMade")));
    }

    /** A webhook delivery; the offer's {@code offeredAt} splits its latency at the offer. */
    public void onWebhook(Notified event) {
        if ("OfferMade".equals(event.type())) {
            webhooks.arrived(event.field("requestId"), event.arrivedNanos(), offeredAt(event));
        }
    }

    public void onLive(Notified event) {
        if ("OfferMade".equals(event.type())) {
            live.arrived(event.field("requestId"), event.arrivedNanos(), 0);
        }
    }

    /** The offer's {@code offeredAt} (request-matching's clock, the same machine's) as a nano time; 0: none. */
    private static long offeredAt(Notified event) {
        try {
            return System.nanoTime() - Duration.between(Instant.parse(event.field("offeredAt")), Instant.now())
                    .toNanos();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Requests sent, their offers perhaps still arriving. */
    public final class Run {
        private final LoadStep step;
        private final Outcome byWebhook = new Outcome();
        private final Outcome byLive = new Outcome();
        /** Requests waiting for their offer halfway through the sending (-1: not yet looked), and at its end. */
        private volatile long waitingHalfway = -1;
        private long waitingAtEnd;

        private Run(double perSecond, Duration duration) {
            step = new LoadStep(perSecond, duration);
        }

        /** Requests answered 201 whose offer has not been delivered yet, and requests not answered yet. */
        private long waiting() {
            return step.succeeded() + step.inFlight() - byWebhook.completed();
        }

        /** Every request answered and its offer seen on both channels. */
        public boolean drained() {
            return step.inFlight() == 0 && byWebhook.completed() >= step.succeeded()
                    && byLive.completed() >= step.succeeded();
        }
    }

    /**
     * Runs one step and waits up to {@link #DRAIN_LIMIT} for its offers; it stops sending early once more than
     * {@link #BACKLOG} of requests wait for their offer: the system is not keeping up. CPU and work are counted
     * over the sending and the drain.
     */
    public StepResult step(double perSecond, Duration duration, Probes probes) {
        Map<String, Long> workBefore = probes.counters().work();
        CpuUse.Snapshot cpuBefore = probes.cpu().snapshot();
        Run run = send(perSecond, duration, true);
        LoadStep step = run.step;
        boolean drained = LoadStep.await(run::drained, DRAIN_LIMIT);
        CpuUse.Use cpu = CpuUse.between(cpuBefore, probes.cpu().snapshot());
        Map<String, Double> work = SystemCounters.perRequest(workBefore, probes.counters().work(), step.succeeded());
        double achieved = step.achievedPerSecond(run.byWebhook);
        List<String> reasons = new ArrayList<>();
        if (step.stoppedEarly()) {
            reasons.add(String.format(Locale.ROOT, "stopped after %d s: more than %d s of requests waited for their "
                    + "offer", step.sentFor().toSeconds(), BACKLOG.toSeconds()));
        } else if (run.waitingHalfway >= 0 && run.waitingAtEnd > perSecond * QUEUE.toSeconds()
                && run.waitingAtEnd > run.waitingHalfway) {
            reasons.add(String.format(Locale.ROOT, "the queue grew: %d requests waited for their offer halfway, "
                    + "%d at the end", run.waitingHalfway, run.waitingAtEnd));
        }
        if (step.failed() > 0) {
            reasons.add(step.failed() + " errors " + step.failures());
        }
        if (step.inFlight() > 0 || run.byWebhook.completed() < step.succeeded()) {
            reasons.add((step.succeeded() + step.inFlight() - run.byWebhook.completed()) + " offers not delivered "
                    + DRAIN_LIMIT.toSeconds() + " s after the step");
        }
        if (achieved < SUSTAINED_SHARE * perSecond) {
            reasons.add(String.format(Locale.ROOT, "completions %.0f/s of %.0f/s offered", achieved, perSecond));
        }
        String verdict = reasons.isEmpty() ? "sustained" : String.join("; ", reasons);
        if (run.byLive.completed() < step.succeeded()) {
            verdict += "; live stream " + run.byLive.completed() + " of " + step.succeeded() + (drained ? ""
                    : " by then");
        }
        if (!reasons.isEmpty()) {
            // the next step or part starts on a quiet system
            LoadStep.await(run::drained, QUIET_LIMIT);
        }
        return new StepResult(perSecond, step.sentFor(), step.sent(), step.succeeded(), step.failed(),
                step.calls().summary(), run.byWebhook.latencies().summary(), run.byWebhook.toMark().summary(),
                run.byWebhook.afterMark().summary(), run.byLive.latencies().summary(), achieved, !reasons.isEmpty(),
                verdict, cpu, work);
    }

    /** Sends at the rate for the duration (with {@code stopOnBacklog}, see {@link #step}). */
    public Run send(double perSecond, Duration duration, boolean stopOnBacklog) {
        Run run = new Run(perSecond, duration);
        long limit = Math.max(MIN_BACKLOG, Math.round(perSecond * BACKLOG.toSeconds()));
        long halfway = System.nanoTime() + duration.toNanos() / 2;
        run.step.run(intended -> submit(run, intended), () -> {
            if (run.waitingHalfway < 0 && System.nanoTime() >= halfway) {
                run.waitingHalfway = run.waiting();
            }
            return stopOnBacklog && run.waiting() > limit;
        });
        run.waitingAtEnd = run.waiting();
        return run;
    }

    /** Sends closed loop (a warm-up): a new request whenever fewer than {@code concurrency} wait for their offer. */
    public Run sendClosed(int concurrency, Duration duration) {
        Run run = new Run(0, duration);
        run.step.runClosed(intended -> submit(run, intended), () -> run.waiting() < concurrency);
        return run;
    }

    private void submit(Run run, long intended) {
        api.submitRequest(REFERRER, body(requestNumber.getAndIncrement())).subscribe(answer -> {
            if (answer.is(201)) {
                webhooks.sent(answer.createdId(), intended, run.byWebhook);
                live.sent(answer.createdId(), intended, run.byLive);
                run.step.succeeded(intended);
            } else {
                run.step.failed(intended, "HTTP " + answer.status());
            }
        }, error -> run.step.failed(intended, error.getClass().getSimpleName()));
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
