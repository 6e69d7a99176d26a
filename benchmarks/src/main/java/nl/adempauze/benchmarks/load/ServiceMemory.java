package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (d) A service JVM's memory: its heap and metaspace as {@code jcmd <pid> GC.heap_info} reports them (every
 * collector prints its spaces as "total ...K, used ...K"), and its resident set now and at its peak (/proc), with the
 * part of it that is files mapped from disk (jars, the JDK's libraries and class archive: pages the kernel may drop
 * and other processes share) told apart from the process's own.
 */
public record ServiceMemory(String service, String collector, long heapUsed, long heapCommitted, long metaspaceUsed,
                            long rss, long rssFiles, long rssPeak) {

    private static final Pattern SPACE = Pattern.compile("^ (\\S.*?)\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE = Pattern.compile("^ Metaspace\\s+used (\\d+)K");

    /** The memory of the service JVM with this process id, now. */
    public static ServiceMemory of(String service, long pid) throws IOException {
        long used = 0;
        long committed = 0;
        long metaspace = -1;
        String collector = null;
        for (String line : Jcmd.run(pid, "GC.heap_info").split("\n")) {
            Matcher space = SPACE.matcher(line);
            if (space.find()) {
                committed += Long.parseLong(space.group(2)) * 1024;
                used += Long.parseLong(space.group(3)) * 1024;
                collector = collector == null ? space.group(1).trim() : collector + " + " + space.group(1).trim();
            }
            Matcher meta = METASPACE.matcher(line);
            if (meta.find()) {
                metaspace = Long.parseLong(meta.group(1)) * 1024;
            }
        }
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        return new ServiceMemory(service, collector, used, committed, metaspace, kilobytes(status, "VmRSS:") * 1024,
                kilobytes(status, "RssFile:") * 1024, kilobytes(status, "VmHWM:") * 1024);
    }

    private static long kilobytes(String status, String field) {
        return status.lines().filter(line -> line.startsWith(field)).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(-1L);
    }
}
