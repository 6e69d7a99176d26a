package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service JVM spends its CPU in Java code: a Flight Recorder recording started and stopped with
 * {@code jcmd}, its execution samples summed up per window of time by thread, by the library the running code
 * belongs to, and by the first Adempauze method on the stack (which of our operations it is doing).
 */
public final class JfrProfile {

    private static final String RECORDING = "benchmark";
    private static final int TOP = 6;

    /** Shares of the execution samples (0-100), largest first. */
    public record Summary(long samples, Map<String, Double> byThread, Map<String, Double> byLibrary,
                          Map<String, Double> byOperation) {
    }

    /** A span of time whose samples are summed up together. */
    public record Window(Instant from, Instant to) {
        boolean contains(Instant time) {
            return !time.isBefore(from) && time.isBefore(to);
        }
    }

    /** The samples of one window, counted as they are read. */
    private static final class Counts {
        private final Map<String, Long> threads = new HashMap<>();
        private final Map<String, Long> libraries = new HashMap<>();
        private final Map<String, Long> operations = new HashMap<>();
        private long samples;

        void add(RecordedEvent event) {
            samples++;
            String thread = event.getThread("sampledThread") == null ? null
                    : event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "unknown" : thread.replaceAll("\\d+", "#"), 1L, Long::sum);
            libraries.merge(library(event.getStackTrace()), 1L, Long::sum);
            operations.merge(operation(event.getStackTrace()), 1L, Long::sum);
        }

        Summary summary() {
            return new Summary(samples, top(threads, samples), top(libraries, samples), top(operations, samples));
        }
    }

    private JfrProfile() {
    }

    /** Starts a recording with the JDK's default settings (execution samples every 20 ms, about 1% overhead). */
    public static void start(long pid, Path file) throws IOException {
        Jcmd.run(pid, "JFR.start", "name=" + RECORDING, "settings=default",
                "filename=" + file.toAbsolutePath());
    }

    /** Stops the recording (it is written to its file) and sums up the samples of each window. */
    public static List<Summary> stop(long pid, Path file, List<Window> windows) throws IOException {
        Jcmd.run(pid, "JFR.stop", "name=" + RECORDING);
        List<Counts> counts = windows.stream().map(window -> new Counts()).toList();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                for (int i = 0; i < windows.size(); i++) {
                    if (windows.get(i).contains(event.getStartTime())) {
                        counts.get(i).add(event);
                    }
                }
            }
        }
        return counts.stream().map(Counts::summary).toList();
    }

    /** The library of the code running: the first frame from the top that is not the JDK's own. */
    static String library(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
                    || type.startsWith("sun.") || type.startsWith("com.sun.")) {
                continue;
            }
            return libraryOf(type);
        }
        return "JDK";
    }

    private static String libraryOf(String type) {
        List<String[]> libraries = List.of(
                new String[] {"io.r2dbc.", "PostgreSQL driver (R2DBC)"},
                new String[] {"org.postgresql.", "PostgreSQL driver (JDBC)"},
                new String[] {"org.apache.kafka.", "Kafka client"},
                new String[] {"org.springframework.kafka.", "Spring Kafka"},
                new String[] {"com.networknt.", "JSON Schema validation"},
                new String[] {"tools.jackson.", "JSON (Jackson)"},
                new String[] {"com.fasterxml.", "JSON (Jackson)"},
                new String[] {"io.netty.", "Netty"},
                new String[] {"reactor.netty.", "Netty"},
                new String[] {"reactor.", "Reactor"},
                new String[] {"io.micrometer.", "Metrics and tracing"},
                new String[] {"io.opentelemetry.", "Metrics and tracing"},
                new String[] {"org.springframework.security.", "Security (JWT)"},
                new String[] {"com.nimbusds.", "Security (JWT)"},
                new String[] {"org.hibernate.validator.", "Bean validation"},
                new String[] {"io.cloudevents.", "CloudEvents"},
                new String[] {"ch.qos.logback.", "Logging"},
                new String[] {"org.slf4j.", "Logging"},
                new String[] {"org.springframework.", "Spring (web, transactions, other)"},
                new String[] {"nl.adempauze.", "Adempauze code"});
        for (String[] library : libraries) {
            if (type.startsWith(library[0])) {
                return library[1];
            }
        }
        return type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : type;
    }

    /** The first Adempauze method from the top of the stack: what the service is doing for whom. */
    static String operation(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("nl.adempauze.")) {
                String simple = type.substring(type.lastIndexOf('.') + 1);
                int lambda = simple.indexOf('$');
                return (lambda > 0 ? simple.substring(0, lambda) : simple) + "." + frame.getMethod().getName()
                        .replaceAll("^lambda\\$(\\w+)\\$\\d+$", "$1");
            }
        }
        return "(no Adempauze code on the stack)";
    }

    private static Map<String, Double> top(Map<String, Long> counts, long samples) {
        Map<String, Double> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(TOP)
                .forEach(entry -> top.put(entry.getKey(), samples == 0 ? 0 : 100.0 * entry.getValue() / samples));
        return top;
    }
}
