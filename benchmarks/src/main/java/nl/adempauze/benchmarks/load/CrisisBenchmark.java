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
    /** A step stops sending once more requests wait for their offer than arrive in this time... */
    public static final Duration BACKLOG = Duration.ofSeconds(5);
    /** ... and at least this many. */
    public static final int MIN_BACKLOG = 200;
    /** A step that ends with more than this much of its requests waiting, and more than halfway, is saturated. */
    public static final Duration QUEUE = Duration.ofSeconds(1);
    /** Below this share of the offered rate, completions are "clearly below" it. */
    public static final double SUSTAINED_SHARE = 0.9;

    /** One step's figures. */
    public record StepResult(double perSecond, Duration duration, int sent, long created, long errors,
                             Map<String, Long> failures, Latencies.Summary post, Latencies.Summary webhook,
                             Latencies.Summary toOffer, Latencies.Summary offerToWebhook,
                             Latencies.Summary live, double achievedPerSecond, boolean saturated, String verdict,
                             CpuUse.Use cpu, Map<String, Long> backlog, Map<String, Double> workPerRequest) {
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

    /**
     * Hands a webhook delivery to the benchmark; the offer's {@code offeredAt} (request-matching's clock, the same
     * machine's) splits its latency into the way to the offer and the way from the offer to the provider.
     */
    public void onWebhook(Notified event) {
        if ("OfferMade".equals(event.type())) {
            webhooks.arrived(event.field("requestId"), event.arrivedNanos(), offeredAt(event));
        }
    }

    /** The offer's {@code offeredAt} on this JVM's nano clock; 0 when the event does not say it. */
    private static long offeredAt(Notified event) {
        try {
            return WallClock.toNanoTime(Instant.parse(event.field("offeredAt")));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Hands a live-stream event to the benchmark. */
    public void onLive(Notified event) {
        if ("OfferMade".equals(event.type())) {
            live.arrived(event.field("requestId"), event.arrivedNanos());
        }
    }

    /** A step whose requests have been sent, their offers perhaps still arriving. */
    public final class Run {
        private final LoadStep step;
        private final Outcome byWebhook = new Outcome();
        private final Outcome byLive = new Outcome();
        private final Map<String, Long> workBefore;
        private final CpuUse.Snapshot cpuBefore;
        private CpuUse.Snapshot cpuSent;
        private Map<String, Long> backlog;
        /** Requests waiting for their offer halfway through the sending (-1: not yet looked), and at its end. */
        private volatile long waitingHalfway = -1;
        private long waitingAtEnd;

        private Run(double perSecond, Duration duration, Probes probes) {
            step = new LoadStep(perSecond, duration);
            workBefore = probes.work().snapshot();
            cpuBefore = probes.cpu().snapshot();
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

    /** Runs one step with its drain; its figures. It stops early once more than {@link #BACKLOG} waits. */
    public StepResult step(double perSecond, Duration duration, Probes probes) {
        return finish(send(perSecond, duration, probes, true), DRAIN_LIMIT, probes, true);
    }

    /**
     * Sends a step's requests at the rate; with {@code stopOnBacklog}, it stops once more requests wait for their
     * offer than arrive in {@link #BACKLOG} (and at least {@value #MIN_BACKLOG}): the system is not keeping up.
     */
    public Run send(double perSecond, Duration duration, Probes probes, boolean stopOnBacklog) {
        Run run = new Run(perSecond, duration, probes);
        long limit = Math.max(MIN_BACKLOG, Math.round(perSecond * BACKLOG.toNanos() / 1e9));
        long halfway = System.nanoTime() + duration.toNanos() / 2;
        run.step.run(intended -> submit(run, intended), () -> {
            if (run.waitingHalfway < 0 && System.nanoTime() >= halfway) {
                run.waitingHalfway = run.waiting();
            }
            return stopOnBacklog && run.waiting() > limit;
        });
        run.waitingAtEnd = run.waiting();
        run.cpuSent = probes.cpu().snapshot();
        run.backlog = probes.backlog().snapshot();
        return run;
    }

    /**
     * Sends closed loop for {@code duration}: a new request whenever fewer than {@code concurrency} wait for their
     * offer, so the system runs as fast as it can at that moment without a queue building up (a warm-up).
     */
    public Run sendClosed(int concurrency, Duration duration, Probes probes) {
        Run run = new Run(0, duration, probes);
        run.step.runClosed(intended -> submit(run, intended), () -> run.waiting() < concurrency);
        run.cpuSent = probes.cpu().snapshot();
        run.backlog = probes.backlog().snapshot();
        return run;
    }

    private void submit(Run run, long intended) {
        api.submitRequest(REFERRER, body(requestNumber.getAndIncrement())).subscribe(answer -> {
            if (answer.is(201)) {
                String id = answer.createdId();
                webhooks.sent(id, intended, run.byWebhook);
                live.sent(id, intended, run.byLive);
                run.step.succeeded(intended);
            } else {
                run.step.failed(intended, "HTTP " + answer.status());
            }
        }, error -> run.step.failed(intended, error.getClass().getSimpleName()));
    }

    /**
     * Waits up to {@code drainLimit} for the run's offers, then sums it up; CPU over the sending and the drain
     * ({@code cpuWithDrain}) or over the sending alone.
     */
    public StepResult finish(Run run, Duration drainLimit, Probes probes, boolean cpuWithDrain) {
        LoadStep step = run.step;
        boolean drained = LoadStep.await(run::drained, drainLimit);
        CpuUse.Use use = CpuUse.between(run.cpuBefore, cpuWithDrain ? probes.cpu().snapshot() : run.cpuSent);
        Map<String, Double> work = WorkCounters.perRequest(run.workBefore, probes.work().snapshot(), step.succeeded());
        double perSecond = step.perSecond();
        double achieved = step.achievedPerSecond(run.byWebhook);
        List<String> reasons = new ArrayList<>();
        if (step.stoppedEarly()) {
            reasons.add(String.format(Locale.ROOT, "stopped after %d s: more than %d s of requests waited for their "
                    + "offer", step.sentFor().toSeconds(), BACKLOG.toSeconds()));
        }
        if (queueGrew(run, perSecond)) {
            reasons.add(String.format(Locale.ROOT, "the queue grew: %d requests waited for their offer halfway, "
                    + "%d at the end (more than %d s of requests)", run.waitingHalfway, run.waitingAtEnd,
                    QUEUE.toSeconds()));
        }
        if (step.failed() > 0) {
            reasons.add(step.failed() + " errors " + step.failures());
        }
        if (step.inFlight() > 0) {
            reasons.add(step.inFlight() + " POSTs unanswered");
        }
        if (run.byWebhook.completed() < step.succeeded()) {
            reasons.add((step.succeeded() - run.byWebhook.completed()) + " offers not delivered by webhook "
                    + drainLimit.toSeconds() + " s after the step");
        }
        if (achieved < SUSTAINED_SHARE * perSecond) {
            reasons.add(String.format(Locale.ROOT, "completions %.0f/s of %.0f/s offered", achieved, perSecond));
        }
        String verdict = reasons.isEmpty() ? "sustained" : String.join("; ", reasons);
        if (run.byLive.completed() < step.succeeded()) {
            verdict += "; live stream " + run.byLive.completed() + " of " + step.succeeded()
                    + (drained ? "" : " by then");
        }
        return new StepResult(perSecond, step.sentFor(), step.sent(), step.succeeded(), step.failed(),
                step.failures(), step.calls().summary(), run.byWebhook.latencies().summary(),
                run.byWebhook.toMark().summary(), run.byWebhook.afterMark().summary(),
                run.byLive.latencies().summary(), achieved, !reasons.isEmpty(), verdict, use, run.backlog, work);
    }

    /**
     * Whether requests piled up while the step sent: at its end more waited for their offer than arrive in
     * {@link #QUEUE}, and more than halfway through. A system that keeps up holds a steady few (rate × latency).
     */
    private static boolean queueGrew(Run run, double perSecond) {
        return !run.step.stoppedEarly() && run.waitingHalfway >= 0
                && run.waitingAtEnd > perSecond * QUEUE.toNanos() / 1e9 && run.waitingAtEnd > run.waitingHalfway;
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
