package nl.adempauze.benchmarks.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a run does. Four system properties, all passed by the Maven profile ({@code default} or unset: the
 * documented run): {@code benchmark.parts} (any of a, b, c, d, e, jmh, and {@code profile}: a Flight Recorder
 * recording of each service during (a), not in the default run, as its buffers would count in (d)'s memory),
 * {@code benchmark.crisis.rates},
 * {@code benchmark.matching.sizes} and {@code benchmark.warm-up.seconds}. The rest is fixed here.
 */
public record RunSettings(List<String> parts, List<Double> crisisRates, List<Integer> regionSizes, Duration warmUp) {

    /** Closed-loop warm-up: a new request whenever fewer than this many wait for their offer. */
    public static final int WARM_UP_CONCURRENCY = 8;
    public static final List<Double> CAPACITY_RATES = List.of(50.0, 100.0, 200.0, 500.0, 1000.0);
    public static final Duration CAPACITY_STEP = Duration.ofSeconds(6);
    public static final int MATCHING_REQUESTS = 20;

    public static RunSettings fromSystemProperties() {
        return new RunSettings(values("benchmark.parts", "a,b,c,d,e,jmh"),
                values("benchmark.crisis.rates", "10,30,50,100,200,300,500").stream().map(Double::parseDouble).toList(),
                values("benchmark.matching.sizes", "10,100,1000").stream().map(Integer::parseInt).toList(),
                Duration.ofSeconds(Long.parseLong(values("benchmark.warm-up.seconds", "120").get(0))));
    }

    /**
     * How long a crisis step lasts: long enough for a stable 99th percentile (at least 300 requests where the
     * rate allows), short enough that all steps fit the run and the beds (1000 per location and care type).
     */
    public static Duration crisisStep(double perSecond) {
        return Duration.ofSeconds(Math.max(10, Math.min(20, Math.round(2000 / perSecond))));
    }

    public boolean runs(String part) {
        return parts.contains(part);
    }

    /** Whether any part needs the running system (all but JMH). */
    public boolean needsStack() {
        return parts.stream().anyMatch(part -> !part.equals("jmh"));
    }

    /** The property's comma-separated values, or the defaults when it is unset, blank or {@code default}. */
    private static List<String> values(String property, String defaults) {
        String value = System.getProperty(property, "default");
        String chosen = value.isBlank() || value.equals("default") ? defaults : value;
        return Arrays.stream(chosen.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
