package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (d) A service JVM's memory: resident set now and at its peak (/proc/[pid]/status), and its heap and metaspace,
 * used and committed, as {@code jcmd <pid> GC.heap_info} reports them (every collector prints its spaces as
 * "total ...K, used ...K").
 */
public record ServiceMemory(String service, String collector, long heapUsed, long heapCommitted, long metaspaceUsed,
                            long rss, long rssPeak) {

    private static final Pattern SPACE = Pattern.compile("^ (\\S.*?)\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE = Pattern.compile("^ Metaspace\\s+used (\\d+)K");

    /** The memory of the service JVM with this process id, now. */
    public static ServiceMemory of(String service, long pid) {
        long[] resident = resident(pid);
        long used = 0;
        long committed = 0;
        long metaspace = -1;
        String collector = "unknown";
        try {
            for (String line : Jcmd.run(pid, "GC.heap_info").split("\n")) {
                Matcher space = SPACE.matcher(line);
                if (space.find()) {
                    committed += Long.parseLong(space.group(2)) * 1024;
                    used += Long.parseLong(space.group(3)) * 1024;
                    collector = collector.equals("unknown") ? space.group(1).trim() : collector + " + "
                            + space.group(1).trim();
                }
                Matcher meta = METASPACE.matcher(line);
                if (meta.find()) {
                    metaspace = Long.parseLong(meta.group(1)) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            used = -1;
            committed = -1;
        }
        return new ServiceMemory(service, collector, used, committed, metaspace, resident[0], resident[1]);
    }

    /** VmRSS and VmHWM of /proc/[pid]/status in bytes; -1 where they cannot be read. */
    private static long[] resident(long pid) {
        long[] resident = {-1, -1};
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    resident[0] = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                } else if (line.startsWith("VmHWM:")) {
                    resident[1] = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // stays unknown
        }
        return resident;
    }
}
