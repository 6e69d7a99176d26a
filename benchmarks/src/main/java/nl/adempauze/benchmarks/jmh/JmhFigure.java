package nl.adempauze.benchmarks.jmh;

import java.util.Map;

/**
 * One JMH result for the report: the benchmark ({@code Class.method}), its parameters in declaration order, the
 * average time per call and its 99.9% confidence half-width (NaN when there were too few iterations), in
 * {@code unit} (for example {@code us/op}).
 */
public record JmhFigure(String benchmark, Map<String, String> params, double score, double error, String unit) {
}
