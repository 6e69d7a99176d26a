package nl.adempauze.benchmarks.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a run does, from system properties (defaults: the documented run). {@code benchmark.parts}: any of
 * a, b, c, d, e, jmh (comma-separated; default all); {@code benchmark.crisis.rates} and {@code
 * benchmark.matching.sizes} likewise (the Maven profile passes these three); the others for runs by hand.
 */
public record RunSettings(List<String> parts, List<Double> crisisRates, int warmUpConcurrency, int warmUpSegments,
                          Duration warmUpSegment,
                          List<Double> capacityRates, Duration capacityStep, List<Integer> regionSizes,
                          int matchingRequests, Duration jmhBudget) {

    public static RunSettings fromSystemProperties() {
        return new RunSettings(
                strings("benchmark.parts", "a,b,c,d,e,jmh"),
                numbers("benchmark.crisis.rates", "10,30,50,100,200,300,500"),
                Integer.getInteger("benchmark.warm-up.concurrency", 8),
                Integer.getInteger("benchmark.warm-up.segments", 4),
                Duration.ofSeconds(Long.getLong("benchmark.warm-up.segment-seconds", 30)),
                numbers("benchmark.capacity.rates", "50,100,200,500,1000"),
                Duration.ofSeconds(Long.getLong("benchmark.capacity.step-seconds", 6)),
                strings("benchmark.matching.sizes", "10,100,1000").stream().map(Integer::parseInt).toList(),
                Integer.getInteger("benchmark.matching.requests", 20),
                Duration.ofSeconds(Long.getLong("benchmark.jmh.budget-seconds", 45)));
    }

    /**
     * How long a crisis step lasts: long enough for a stable 99th percentile (at least 300 requests where the
     * rate allows), short enough that all steps fit the run and the beds (1000 per location and care type).
     */
    public static Duration crisisStep(double perSecond) {
        long seconds = Math.max(10, Math.min(20, Math.round(2000 / perSecond)));
        return Duration.ofSeconds(Long.getLong("benchmark.crisis.step-seconds", seconds));
    }

    public boolean runs(String part) {
        return parts.contains(part);
    }

    /** Whether any part needs the running system (all but JMH). */
    public boolean needsStack() {
        return parts.stream().anyMatch(part -> !part.equals("jmh"));
    }

    /** The property's values, or the defaults when it is unset or {@code default} (as the Maven profile passes it). */
    private static List<String> strings(String property, String defaults) {
        String value = System.getProperty(property, "default");
        String chosen = value.isBlank() || value.equals("default") ? defaults : value;
        return Arrays.stream(chosen.split(",")).map(String::trim)
                .filter(item -> !item.isEmpty()).toList();
    }

    private static List<Double> numbers(String property, String defaults) {
        return strings(property, defaults).stream().map(Double::parseDouble).toList();
    }
}
