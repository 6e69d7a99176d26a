package nl.adempauze.benchmarks.jmh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks of this package (ranking, protection, calendar fit, stay rules) through the JMH runner
 * and returns their figures for the benchmark report. Each configuration (benchmark x parameter values) runs in one
 * fresh JVM with two warm-up and three measured iterations; the iteration time is what the budget allows, at most
 * one second. JMH forks with the class path of this JVM, so start it with a plain {@code -classpath}, not from a
 * fat jar.
 */
public final class DomainBenchmarks {

    /** Enough for one-second iterations for every configuration, on two cores. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(90);

    private static final int WARMUP_ITERATIONS = 2;
    private static final int MEASUREMENT_ITERATIONS = 3;
    private static final Duration LONGEST_ITERATION = Duration.ofSeconds(1);
    /** Below this, the iterations of the large rankings would hold only a few calls. */
    private static final Duration SHORTEST_ITERATION = Duration.ofMillis(200);
    /** Measured: starting a forked JVM and its JMH harness, and the state setup of 10,000 locations. */
    private static final Duration FORK_OVERHEAD = Duration.ofMillis(1000);
    private static final String INCLUDE = "^" + Pattern.quote(DomainBenchmarks.class.getPackageName() + ".");

    private DomainBenchmarks() {
    }

    /** Runs every benchmark of the package within about {@code budget} and returns its figures, in a stable order. */
    public static List<JmhFigure> run(Duration budget) throws RunnerException {
        int configurations = configurations();
        TimeValue iteration = TimeValue.milliseconds(iterationTime(budget, configurations).toMillis());
        Options options = new OptionsBuilder()
                .include(INCLUDE)
                .forks(1)
                .warmupIterations(WARMUP_ITERATIONS)
                .warmupTime(iteration)
                .measurementIterations(MEASUREMENT_ITERATIONS)
                .measurementTime(iteration)
                .threads(1)
                // Fixed heap rather than whatever the calling JVM had, so that runs compare.
                .jvmArgs("-Xms512m", "-Xmx512m")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        return figures(new Runner(options).run());
    }

    /** How many configurations (benchmark x parameter values) a run measures, from the generated benchmark list. */
    public static int configurations() {
        Collection<BenchmarkListEntry> benchmarks = BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(INCLUDE), List.of());
        if (benchmarks.isEmpty()) {
            throw new IllegalStateException("No JMH benchmarks on the class path: was the module compiled with the"
                    + " JMH annotation processor (META-INF/BenchmarkList)?");
        }
        int configurations = 0;
        for (BenchmarkListEntry benchmark : benchmarks) {
            int combinations = 1;
            if (benchmark.getParams().hasValue()) {
                for (String[] values : benchmark.getParams().get().values()) {
                    combinations *= values.length;
                }
            }
            configurations += combinations;
        }
        return configurations;
    }

    /** The figures as a Markdown table: benchmark, parameters, score, error (99.9%), unit. */
    public static String markdownTable(List<JmhFigure> figures) {
        StringBuilder table = new StringBuilder()
                .append("| Benchmark | Parameters | Score | Error (99.9%) | Unit |\n")
                .append("|---|---|---:|---:|---|\n");
        for (JmhFigure figure : figures) {
            String params = figure.params().isEmpty() ? "" : figure.params().entrySet().stream()
                    .map(param -> param.getKey() + "=" + param.getValue()).collect(Collectors.joining(", "));
            table.append("| ").append(figure.benchmark())
                    .append(" | ").append(params)
                    .append(" | ").append(number(figure.score()))
                    .append(" | ").append(Double.isNaN(figure.error()) ? "n/a" : "± " + number(figure.error()))
                    .append(" | ").append(figure.unit())
                    .append(" |\n");
        }
        return table.toString();
    }

    /** Runs the benchmarks and prints the table; an optional argument is the budget in seconds. */
    public static void main(String[] args) throws RunnerException {
        Duration budget = args.length > 0 ? Duration.ofSeconds(Long.parseLong(args[0])) : DEFAULT_BUDGET;
        int configurations = configurations();
        System.out.printf(Locale.ROOT, "JMH: %d configurations, %d ms iterations, budget %d s%n", configurations,
                iterationTime(budget, configurations).toMillis(), budget.toSeconds());
        long started = System.nanoTime();
        List<JmhFigure> figures = run(budget);
        System.out.print(markdownTable(figures));
        System.out.printf(Locale.ROOT, "JMH took %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** The budget shared over the configurations' iterations after their fork overhead, within sensible bounds. */
    static Duration iterationTime(Duration budget, int configurations) {
        Duration perConfiguration = budget.dividedBy(Math.max(1, configurations)).minus(FORK_OVERHEAD);
        Duration iteration = perConfiguration.dividedBy(WARMUP_ITERATIONS + MEASUREMENT_ITERATIONS);
        if (iteration.compareTo(LONGEST_ITERATION) > 0) {
            return LONGEST_ITERATION;
        }
        return iteration.compareTo(SHORTEST_ITERATION) < 0 ? SHORTEST_ITERATION : iteration;
    }

    private static List<JmhFigure> figures(Collection<RunResult> results) {
        List<JmhFigure> figures = new ArrayList<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            Map<String, String> params = new LinkedHashMap<>();
            for (Object key : result.getParams().getParamsKeys()) {
                params.put(key.toString(), result.getParams().getParam(key.toString()));
            }
            Result<?> primary = result.getPrimaryResult();
            figures.add(new JmhFigure(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1)
                    + 1), Collections.unmodifiableMap(params), primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit()));
        }
        figures.sort(Comparator.comparing(JmhFigure::benchmark).thenComparing(DomainBenchmarks::compareParams));
        return List.copyOf(figures);
    }

    /** Parameter values in numeric order where they are numbers (JMH orders them as text: 1, 28, 7). */
    private static int compareParams(JmhFigure a, JmhFigure b) {
        List<String> left = new ArrayList<>(a.params().values());
        List<String> right = new ArrayList<>(b.params().values());
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order;
            try {
                order = Double.compare(Double.parseDouble(left.get(i)), Double.parseDouble(right.get(i)));
            } catch (NumberFormatException notNumbers) {
                order = left.get(i).compareTo(right.get(i));
            }
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static String number(double value) {
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }
}
