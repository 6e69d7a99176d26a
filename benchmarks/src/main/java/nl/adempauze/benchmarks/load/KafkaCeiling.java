package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (c) The broker's own ceiling, measured by Kafka's own tools (artifact {@code kafka-tools}, the same Kafka
 * version) on the stack's broker, each in a JVM of its own on this class path: {@code EndToEndLatency} (one
 * record at a time, produced with acks=all and consumed at once: the round trip of one hop) and
 * {@code ProducerPerformance} (one producer flat out, with the services' producer settings). Records are as
 * large as an event with its headers. The tools print whole milliseconds for their percentiles.
 */
public final class KafkaCeiling {

    /** About one CloudEvent (OfferMade) with its headers. */
    public static final int RECORD_BYTES = 700;
    private static final int ROUND_TRIPS = 2_000;
    private static final int PRODUCED = 500_000;
    /** The services' producer settings. */
    public static final String PRODUCER_SETTINGS = "acks=all enable.idempotence=true linger.ms=0";

    /** One tool's figures; NaN where the tool does not print one. */
    public record Figures(String tool, long records, double perSecond, double megabytesPerSecond, double mean,
                          double p50, double p99, double p999, double max) {
    }

    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([\\d.]+) ms");
    private static final Pattern PERCENTILES = Pattern.compile("50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");
    private static final Pattern PRODUCED_LINE = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec "
            + "\\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, "
            + "\\d+ ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");

    private KafkaCeiling() {
    }

    public static Figures roundTrip(String bootstrapServers) {
        String output = run("org.apache.kafka.tools.EndToEndLatency", "--bootstrap-server", bootstrapServers,
                "--topic", "benchmark.end-to-end", "--num-records", String.valueOf(ROUND_TRIPS),
                "--producer-acks", "all", "--record-size", String.valueOf(RECORD_BYTES));
        Matcher average = find(AVERAGE, output);
        Matcher percentiles = find(PERCENTILES, output);
        return new Figures("EndToEndLatency", ROUND_TRIPS, Double.NaN, Double.NaN,
                Double.parseDouble(average.group(1)), Double.parseDouble(percentiles.group(1)),
                Double.parseDouble(percentiles.group(2)), Double.parseDouble(percentiles.group(3)), Double.NaN);
    }

    public static Figures producerThroughput(String bootstrapServers) {
        List<String> arguments = new ArrayList<>(List.of("--bootstrap-server", bootstrapServers, "--topic",
                "benchmark.producer-performance", "--num-records", String.valueOf(PRODUCED), "--record-size",
                String.valueOf(RECORD_BYTES), "--throughput", "-1", "--command-property"));
        arguments.addAll(List.of(PRODUCER_SETTINGS.split(" ")));
        Matcher line = find(PRODUCED_LINE, run("org.apache.kafka.tools.ProducerPerformance",
                arguments.toArray(String[]::new)));
        return new Figures("ProducerPerformance", Long.parseLong(line.group(1)), Double.parseDouble(line.group(2)),
                Double.parseDouble(line.group(3)), Double.parseDouble(line.group(4)),
                Double.parseDouble(line.group(6)), Double.parseDouble(line.group(7)),
                Double.parseDouble(line.group(8)), Double.parseDouble(line.group(5)));
    }

    /** Runs the tool to its end in a JVM of its own and answers what it printed. */
    private static String run(String tool, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), tool));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Matcher find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("Unexpected output, no " + pattern + ": " + output);
        }
        return matcher;
    }
}
