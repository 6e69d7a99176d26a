package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.adempauze.localstack.RunningServices;
import nl.adempauze.localstack.process.ServiceProcess;

/**
 * bed-availability started again with more seed files, on its port, database and log, as an installation adds
 * regions: the stack's own process is stopped in an orderly way and the same command line (read from /proc) runs
 * again with the new {@code adempauze.seed.file}. {@link ServiceProcess} keeps its properties fixed, so this stands
 * in for a restart-with-changed-properties there; the process started here is ended by {@link #close()}.
 */
public final class BedAvailabilityReseed implements AutoCloseable {

    private static final String SEED_ARGUMENT = "--adempauze.seed.file=";

    private final Process process;

    private BedAvailabilityReseed(Process process) {
        this.process = process;
    }

    /** Stops the stack's bed-availability and starts it again seeded from {@code seedFiles} (comma-separated). */
    public static BedAvailabilityReseed restart(ServiceProcess bedAvailability, String seedFiles, Duration timeout) {
        List<String> command = commandLine(bedAvailability.pid());
        if (command.stream().noneMatch(argument -> argument.startsWith(SEED_ARGUMENT))) {
            throw new IllegalStateException("bed-availability was started without " + SEED_ARGUMENT);
        }
        List<String> changed = new ArrayList<>();
        for (String argument : command) {
            changed.add(argument.startsWith(SEED_ARGUMENT) ? SEED_ARGUMENT + seedFiles : argument);
        }
        bedAvailability.stop();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(changed);
            // ChildJvm passes the class path in the environment: the same one, this JVM's
            builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
            process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(bedAvailability.log().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start bed-availability again", e);
        }
        BedAvailabilityReseed reseeded = new BedAvailabilityReseed(process);
        reseeded.awaitReady(bedAvailability.url(), timeout, bedAvailability.log());
        return reseeded;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady(String url, Duration timeout, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create(url + "/actuator/health/readiness");
        if (!LoadStep.await(() -> !process.isAlive() || RunningServices.ready(http, readiness), timeout,
                Duration.ofMillis(100)) || !process.isAlive()) {
            close();
            throw new IllegalStateException("bed-availability did not come back with the new seeds; see " + log);
        }
    }

    private static List<String> commandLine(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
            return Arrays.asList(raw.split("\0"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the command line of bed-availability (Linux /proc only)", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
