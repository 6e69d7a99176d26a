package nl.adempauze.benchmarks.load;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.adempauze.benchmarks.jmh.JmhFigure;

/** Everything one run measured, filled in part by part, for {@link Report}. A part not run leaves its list empty. */
public final class Results {

    public final ZonedDateTime date = ZonedDateTime.now();
    public final Machine machine = Machine.current();
    /** /proc/loadavg before and after: other work on the machine disturbs every figure. */
    public String loadBefore = LoadAverage.now();
    public String loadAfter;
    public List<String> parts = List.of();
    /** Name → value of every setting that shapes the figures. */
    public final Map<String, String> settings = new LinkedHashMap<>();
    public Duration stackStartup;
    /** One warm-up segment: its figures, and each service's JIT compiler CPU (% of one core) meanwhile. */
    public record WarmUpSegment(CrisisBenchmark.StepResult step, Map<String, Double> jitPercent) {
    }

    public final List<WarmUpSegment> warmUp = new ArrayList<>();
    public final List<CrisisBenchmark.StepResult> crisis = new ArrayList<>();
    /** Each crisis step's service profiles, by rate, then by service. */
    public final Map<Double, Map<String, ServiceProfiles.Profile>> crisisProfiles = new LinkedHashMap<>();
    public final List<CapacityBenchmark.StepResult> capacity = new ArrayList<>();
    public final List<KafkaCeiling.RoundTrip> kafkaRoundTrips = new ArrayList<>();
    public KafkaCeiling.Throughput kafkaThroughput;
    public final List<DatabaseCeiling.Result> database = new ArrayList<>();
    public String databaseSettings;
    public final List<ServiceMemory> memory = new ArrayList<>();
    public final List<MatchingScaleBenchmark.Row> matching = new ArrayList<>();
    /** How long bed-availability took to start again with the added regions, until matching had read them. */
    public Duration reseed;
    public int reseededLocations;
    public final List<JmhFigure> jmh = new ArrayList<>();
    public Duration jmhTime;
    /** Parts that failed, with why: the report says so instead of leaving a gap unexplained. */
    public final List<String> failures = new ArrayList<>();
    public Duration wall;

    public boolean ran(String part) {
        return parts.contains(part);
    }
}
