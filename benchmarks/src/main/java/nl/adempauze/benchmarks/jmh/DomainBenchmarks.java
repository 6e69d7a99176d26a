package nl.adempauze.benchmarks.jmh;

import java.util.Collection;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks of this package (ranking, protection, calendar fit, stay rules) for the benchmark
 * report: each configuration (benchmark x parameter values) in one fresh JVM with two warm-up and three measured
 * iterations of 400 ms, about 40 s for all. JMH forks with the class path of this JVM, so start it with a plain
 * {@code -classpath}, not from a fat jar. By hand, with JMH's own options:
 * {@code java -cp <class path> org.openjdk.jmh.Main nl.adempauze.benchmarks.jmh}.
 */
public final class DomainBenchmarks {

    private static final TimeValue ITERATION = TimeValue.milliseconds(400);

    private DomainBenchmarks() {
    }

    public static Collection<RunResult> run() throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(DomainBenchmarks.class.getPackageName() + "."))
                .forks(1)
                .warmupIterations(2)
                .warmupTime(ITERATION)
                .measurementIterations(3)
                .measurementTime(ITERATION)
                .threads(1)
                // a fixed heap rather than whatever the calling JVM had, so that runs compare
                .jvmArgs("-Xms512m", "-Xmx512m")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        return new Runner(options).run();
    }
}
