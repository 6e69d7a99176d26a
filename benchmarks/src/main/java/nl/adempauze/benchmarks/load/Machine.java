package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a run was measured on, as the report states it: every figure depends on it. */
public record Machine(int cores, long memoryBytes, String os, String java, String cpuModel) {

    public static Machine current() {
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                readCpuModel());
    }

    /** The first {@code model name} of /proc/cpuinfo (Linux); "unknown" elsewhere. */
    private static String readCpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    public String memory() {
        return memoryBytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", memoryBytes / 1024.0 / 1024 / 1024);
    }
}
