package nl.adempauze.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import nl.adempauze.contracts.seed.RegionSeed;

/**
 * (b) Providers publishing free beds at open-loop rates, each publication timed from its intended send to its
 * {@code CapacityPublished} on the coordinator's live stream (the board's view being current). Care types the
 * crisis load does not use, so that its beds stay as they are.
 */
public final class CapacityBenchmark {

    public static final List<String> CARE_TYPES = List.of("GRZ", "ELV_PALLIATIEF", "WLZ_CRISIS");
    /** The board counts as current while publish → visible stays under this at the 99th percentile. */
    private static final Duration CURRENT_WITHIN = Duration.ofSeconds(1);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(15);

    /** One rate's figures; {@code verdict} is "current" or why the board was not. */
    public record StepResult(double perSecond, Duration duration, int sent, long published, long errors,
                             Latencies.Summary put, Latencies.Summary visible, double achievedPerSecond,
                             boolean current, String verdict) {
    }

    private record Target(String user, String locationId, String careType) {
    }

    private final Api api;
    private final List<Target> targets = new ArrayList<>();
    private final Correlator visible = new Correlator();
    private final AtomicInteger publication = new AtomicInteger();

    public CapacityBenchmark(BenchmarkStack stack, RegionPicture region) {
        this.api = new Api(stack);
        for (String careType : CARE_TYPES) {
            for (RegionSeed.Location location : region.offering(careType)) {
                targets.add(new Target(stack.tokens().providerUser(location.providerId()), location.id(), careType));
            }
        }
    }

    /** How many (location, care type) figures the publications go round. */
    public int figures() {
        return targets.size();
    }

    public void onLive(Notified event) {
        if ("CapacityPublished".equals(event.type())) {
            visible.arrived(key(event.field("locationId"), event.field("careType"), event.data().path("version")
                    .asLong()), event.arrivedNanos(), 0);
        }
    }

    public StepResult step(double perSecond, Duration duration) {
        LoadStep step = new LoadStep(perSecond, duration);
        Outcome seen = new Outcome();
        step.run(intended -> {
            int number = publication.getAndIncrement();
            Target target = targets.get(number % targets.size());
            // a different figure every time round, between 1 and 1000
            int freeBeds = 1 + (number / targets.size()) % 1000;
            api.publishCapacity(target.user(), target.locationId(), target.careType(), freeBeds).subscribe(answer -> {
                if (answer.is(200)) {
                    visible.sent(key(target.locationId(), target.careType(), answer.body().path("version").asLong()),
                            intended, seen);
                    step.succeeded(intended);
                } else {
                    step.failed(intended, "HTTP " + answer.status());
                }
            }, error -> step.failed(intended, error.getClass().getSimpleName()));
        }, () -> false);
        LoadStep.await(() -> step.inFlight() == 0 && seen.completed() >= step.succeeded(), DRAIN_LIMIT);
        Latencies.Summary latency = seen.latencies().summary();
        List<String> reasons = new ArrayList<>();
        if (step.failed() > 0) {
            reasons.add(step.failed() + " errors " + step.failures());
        }
        if (seen.completed() < step.succeeded()) {
            reasons.add((step.succeeded() - seen.completed()) + " never seen on the live stream");
        }
        if (!(latency.p99() < CURRENT_WITHIN.toMillis())) {
            reasons.add(String.format(Locale.ROOT, "p99 %.0f ms", latency.p99()));
        }
        visible.clear();
        return new StepResult(perSecond, duration, step.sent(), step.succeeded(), step.failed(),
                step.calls().summary(), latency, step.achievedPerSecond(seen), reasons.isEmpty(),
                reasons.isEmpty() ? "current" : String.join("; ", reasons));
    }

    private static String key(String locationId, String careType, long version) {
        return locationId + "|" + careType + "|" + version;
    }
}
