package nl.adempauze.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.adempauze.benchmarks.jmh.DomainBenchmarks;
import nl.adempauze.benchmarks.load.LoadRun;
import nl.adempauze.benchmarks.load.Machine;
import nl.adempauze.benchmarks.load.Report;
import nl.adempauze.benchmarks.load.Results;
import nl.adempauze.benchmarks.load.RunSettings;

/**
 * The benchmark, run by {@code ./mvnw -q -DskipTests -Pbenchmark verify} from the repository root: parts (a) to
 * (e) on the running system (see {@link LoadRun}), then the JMH benchmarks of the domain rules once the system has
 * stopped (they would compete with it for the cores). Writes the figures into docs/BENCHMARKS.md between its
 * markers (see {@link Report}) and prints them. {@code -Dbenchmark.parts=a,c} runs only some parts (see
 * {@link RunSettings}).
 */
public final class BenchmarkRun {

    private BenchmarkRun() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        // the development issuer runs in this JVM: its banner and start-up lines would bury the progress lines
        System.setProperty("spring.main.banner-mode", System.getProperty("spring.main.banner-mode", "off"));
        System.setProperty("logging.level.root", System.getProperty("logging.level.root", "WARN"));
        Path repository = repositoryRoot();
        RunSettings settings = RunSettings.fromSystemProperties();
        Results results = new Results();
        results.parts = settings.parts();
        if (settings.needsStack()) {
            try {
                new LoadRun(settings, results, repository).run();
            } catch (RuntimeException e) {
                // the report still says what was measured, and why the rest is missing
                results.failures.add("(system) " + e);
                e.printStackTrace();
            }
        }
        if (settings.runs("jmh")) {
            System.out.println("[benchmark] JMH");
            long jmhStarted = System.nanoTime();
            try {
                results.jmh = DomainBenchmarks.run();
            } catch (Exception e) {
                results.failures.add("(jmh) " + e);
            }
            results.jmhTime = Duration.ofNanos(System.nanoTime() - jmhStarted);
        }
        results.loadAfter = Machine.loadAverage();
        results.wall = Duration.ofNanos(System.nanoTime() - started);
        Path file = repository.resolve("docs").resolve("BENCHMARKS.md");
        System.out.println(Report.writeInto(file, results));
        System.out.println("[benchmark] written to " + repository.relativize(file) + " in "
                + results.wall.toSeconds() + " s");
        // the issuer and the HTTP clients keep non-daemon threads; everything measured has been written
        System.exit(0);
    }

    /** The working directory is the repository root under Maven's exec; from elsewhere, the nearest one above. */
    private static Path repositoryRoot() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("seeds").resolve("drenthe.json")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IOException("Not inside the repository: no seeds/drenthe.json and mvnw above "
                + Path.of("").toAbsolutePath());
    }
}
