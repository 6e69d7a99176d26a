package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time per process group (a service JVM, the broker, PostgreSQL with its backends, this JVM) and of the whole
 * machine, from /proc (Linux): the evidence of what a load step spent its two cores on. Elsewhere it reads nothing.
 */
public final class CpuUse {

    /** USER_HZ: the unit of the times in /proc/[pid]/stat, 100 on every common Linux. */
    private static final double TICKS_PER_SECOND = 100;

    /** CPU seconds per group and of the machine (busy and all) at one moment. */
    public record Snapshot(long nanos, Map<String, Double> seconds, double machineBusy, double machineTotal) {
    }

    /** Use between two snapshots: per group in % of one core, and the machine's busy share of all cores in %. */
    public record Use(double wallSeconds, Map<String, Double> percentOfCore, double machineBusyPercent) {
    }

    private final Map<String, Supplier<List<Long>>> groups = new LinkedHashMap<>();

    /** A group whose processes are named by {@code pids} (asked at every snapshot: processes come and go). */
    public CpuUse group(String name, Supplier<List<Long>> pids) {
        groups.put(name, pids);
        return this;
    }

    public Snapshot snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        groups.forEach((name, pids) -> {
            double total = 0;
            for (long pid : safely(pids)) {
                total += processSeconds(pid);
            }
            seconds.put(name, total);
        });
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

    /** This JVM's own process. */
    public static Supplier<List<Long>> self() {
        return () -> List.of(ProcessHandle.current().pid());
    }

    /** Processes whose command line contains every one of the given strings (the broker: its properties file). */
    public static Supplier<List<Long>> commandLineContaining(String... parts) {
        return () -> {
            List<Long> pids = new ArrayList<>();
            for (long pid : allPids()) {
                String commandLine = commandLine(pid);
                if (Stream.of(parts).allMatch(commandLine::contains)) {
                    pids.add(pid);
                }
            }
            return pids;
        };
    }

    /** PostgreSQL: the postmaster named in its data directory's postmaster.pid and all its children (backends). */
    public static Supplier<List<Long>> postgres(Path dataDirectory) {
        return () -> {
            try {
                long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0)
                        .trim());
                List<Long> pids = new ArrayList<>(List.of(postmaster));
                for (long pid : allPids()) {
                    if (parentOf(pid) == postmaster) {
                        pids.add(pid);
                    }
                }
                return pids;
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        };
    }

    private static List<Long> safely(Supplier<List<Long>> pids) {
        try {
            return pids.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static List<Long> allPids() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(
                    Character::isDigit)).map(Long::parseLong).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Fields after the command name in /proc/[pid]/stat (the name may hold spaces); index 0 is the state. */
    private static String[] statFields(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static long parentOf(long pid) {
        try {
            return Long.parseLong(statFields(pid)[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of the process (its threads included), in seconds. */
    private static double processSeconds(long pid) {
        try {
            String[] fields = statFields(pid);
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
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
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new double[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0};
        }
    }
}
