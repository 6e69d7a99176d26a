package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The JDK's {@code jcmd}, from the JDK this JVM runs on, against another JVM of the same user. */
public final class Jcmd {

    private Jcmd() {
    }

    /** Runs {@code jcmd <pid> <command...>} and answers what it printed. */
    public static String run(long pid, String... command) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), Long.toString(pid)));
        arguments.addAll(List.of(command));
        Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output;
    }

    /**
     * Starts a Flight Recorder recording with the JDK's default settings (execution samples every 20 ms, about 1%
     * overhead), to be written to {@code file} when stopped: a profile to open in JDK Mission Control or read with
     * the JDK's {@code jfr} tool.
     */
    public static void startRecording(long pid, Path file) throws IOException {
        run(pid, "JFR.start", "name=benchmark", "settings=default", "filename=" + file.toAbsolutePath());
    }

    /** Stops the recording, which writes it to its file. */
    public static void stopRecording(long pid) throws IOException {
        run(pid, "JFR.stop", "name=benchmark");
    }
}
