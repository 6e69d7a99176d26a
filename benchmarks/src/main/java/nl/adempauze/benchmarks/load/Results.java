package nl.adempauze.benchmarks.load;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/** Everything one run measured, filled in part by part, for {@link Report}. A part not run leaves its list empty. */
public final class Results {

    public final ZonedDateTime date = ZonedDateTime.now();
    public final Machine machine = Machine.current();
    public final String loadBefore = Machine.loadAverage();
    public String loadAfter;
    public List<String> parts = List.of();
    /** Name → value of every setting that shapes the figures. */
    public final Map<String, String> settings = new LinkedHashMap<>();
    public final List<CrisisBenchmark.StepResult> crisis = new ArrayList<>();
    public final List<CapacityBenchmark.StepResult> capacity = new ArrayList<>();
    public final List<KafkaCeiling.Figures> kafka = new ArrayList<>();
    public final List<DatabaseCeiling.Result> database = new ArrayList<>();
    public final List<ServiceMemory> memory = new ArrayList<>();
    public final List<MatchingScaleBenchmark.Row> matching = new ArrayList<>();
    /** How long bed-availability took to start again with the added regions, until matching had read them. */
    public Duration reseed;
    public int reseededLocations;
    public Collection<RunResult> jmh = List.of();
    public Duration jmhTime;
    /** Parts that failed, with why: the report says so instead of leaving a gap unexplained. */
    public final List<String> failures = new ArrayList<>();
    public Duration wall;
}
