package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The JDK's {@code jcmd}, from the JDK this JVM runs on, against another JVM of the same user. */
public final class Jcmd {

    private Jcmd() {
    }

    /** Runs {@code jcmd <pid> <command...>} and answers what it printed. */
    public static String run(long pid, String... command) throws IOException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IOException("No jcmd in " + jcmd.getParent() + " (a JRE?)");
        }
        String[] arguments = new String[command.length + 2];
        arguments[0] = jcmd.toString();
        arguments[1] = Long.toString(pid);
        System.arraycopy(command, 0, arguments, 2, command.length);
        Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("jcmd " + String.join(" ", command) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output;
    }
}
