package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds of one JVM by kind of thread, from /proc/[pid]/task (Linux): the JIT compilers and the garbage
 * collector beside the application's own Java threads, which execution samples do not show.
 */
public final class ThreadCpu {

    public static final String JIT = "JIT compiler";

    private ThreadCpu() {
    }

    /** Seconds by kind: JIT compiler, garbage collector, other JVM threads, Java threads. */
    public static Map<String, Double> snapshot(long pid) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String kind : new String[] {"JIT compiler", "garbage collector", "other JVM threads", "Java threads"}) {
            seconds.put(kind, 0.0);
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double used = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    seconds.merge(kindOf(name), used, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            // the process ended
        }
        return seconds;
    }

    /** Between two snapshots, in % of one core over {@code wallSeconds}. */
    public static Map<String, Double> percent(Map<String, Double> from, Map<String, Double> to, double wallSeconds) {
        Map<String, Double> percent = new LinkedHashMap<>();
        to.forEach((kind, seconds) -> percent.put(kind, 100 * (seconds - from.getOrDefault(kind, 0.0)) / wallSeconds));
        return percent;
    }

    private static String kindOf(String threadName) {
        if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
            return "JIT compiler";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
            return "garbage collector";
        }
        if (threadName.equals("VM Thread") || threadName.startsWith("Sweeper") || threadName.startsWith("Service Thr")
                || threadName.startsWith("VM Periodic")) {
            return "other JVM threads";
        }
        return "Java threads";
    }
}
