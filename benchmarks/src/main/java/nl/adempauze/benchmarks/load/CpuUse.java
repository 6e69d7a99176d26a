package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time per process group (a service JVM, the broker, PostgreSQL with its backends, this JVM), from the JDK's
 * {@link ProcessHandle}, and of the whole machine, from /proc/stat (Linux): what a load step spent the cores on.
 */
public final class CpuUse {

    /** The group of this JVM (the load generator and the development issuer), left out of the system's CPU. */
    public static final String LOAD_GENERATOR = "benchmark JVM";
    /** USER_HZ: the unit of the times in /proc/stat, 100 on every common Linux. */
    private static final double TICKS_PER_SECOND = 100;

    /** CPU seconds per group and of the machine (busy and all) at one moment. */
    public record Snapshot(long nanos, Map<String, Double> seconds, double machineBusy, double machineTotal) {
    }

    /** Use between two snapshots: per group in % of one core, and the machine's busy share of all cores in %. */
    public record Use(double wallSeconds, Map<String, Double> percentOfCore, double machineBusyPercent) {

        /** The system's CPU time (every group but the load generator) per request, in milliseconds. */
        public double millisPerRequest(long requests) {
            double percent = percentOfCore.entrySet().stream().filter(e -> !e.getKey().equals(LOAD_GENERATOR))
                    .mapToDouble(Map.Entry::getValue).sum();
            return requests == 0 ? Double.NaN : 10 * percent * wallSeconds / requests;
        }

        /** CPU of every process outside the groups, in % of one core (never below 0). */
        public double otherProcessesPercent(int cores) {
            return Math.max(0, machineBusyPercent * cores - percentOfCore.values().stream()
                    .mapToDouble(Double::doubleValue).sum());
        }
    }

    private final Map<String, Supplier<Stream<ProcessHandle>>> groups = new LinkedHashMap<>();

    /** A group whose processes {@code processes} names (asked at every snapshot: processes come and go). */
    public CpuUse group(String name, Supplier<Stream<ProcessHandle>> processes) {
        groups.put(name, processes);
        return this;
    }

    public Snapshot snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        groups.forEach((name, processes) -> seconds.put(name, processes.get().mapToDouble(process -> process.info()
                .totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9).sum()));
        double[] machine = machineSeconds();
        return new Snapshot(System.nanoTime(), seconds, machine[0], machine[1]);
    }

    public static Use between(Snapshot from, Snapshot to) {
        double wall = (to.nanos() - from.nanos()) / 1e9;
        Map<String, Double> percent = new LinkedHashMap<>();
        to.seconds().forEach((name, seconds) ->
                percent.put(name, 100 * (seconds - from.seconds().getOrDefault(name, 0.0)) / wall));
        double total = to.machineTotal() - from.machineTotal();
        double busy = total <= 0 ? Double.NaN : 100 * (to.machineBusy() - from.machineBusy()) / total;
        return new Use(wall, percent, busy);
    }

    /** The process with this id (the supplier is asked each time: a service started again has a new one). */
    public static Supplier<Stream<ProcessHandle>> process(Supplier<Long> pid) {
        return () -> {
            try {
                return ProcessHandle.of(pid.get()).stream();
            } catch (RuntimeException notRunning) {
                return Stream.empty();
            }
        };
    }

    /** Processes whose command line contains every one of the given strings (the broker: its properties file). */
    public static Supplier<Stream<ProcessHandle>> commandLineContaining(String... parts) {
        return () -> ProcessHandle.allProcesses().filter(process -> process.info().commandLine()
                .filter(line -> Stream.of(parts).allMatch(line::contains)).isPresent());
    }

    /** PostgreSQL: the postmaster named in its data directory's postmaster.pid and its children (the backends). */
    public static Supplier<Stream<ProcessHandle>> postgres(Path dataDirectory) {
        return () -> {
            try {
                long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0)
                        .trim());
                return ProcessHandle.of(postmaster).stream().flatMap(process -> Stream.concat(Stream.of(process),
                        process.children()));
            } catch (IOException | RuntimeException e) {
                return Stream.empty();
            }
        };
    }

    /** The machine's busy and total CPU seconds over all cores, from the first line of /proc/stat. */
    private static double[] machineSeconds() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            double total = 0;
            double idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                double value = Long.parseLong(fields[i]) / TICKS_PER_SECOND;
                total += value;
                idle += i == 4 || i == 5 ? value : 0;
            }
            return new double[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0};
        }
    }
}
