package nl.adempauze.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts {@link LocalStackRoles} in a JVM of its own with a role argument (a service, the broker), on this JVM's class
 * path (the tests', the benchmark's). Output goes to a log file, appended, so that a restart keeps what the last run
 * said.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code LocalStackRoles <args>} with the given JVM options, its output appended to {@code log}. */
    public static Process start(List<String> jvmOptions, List<String> args, Path log) {
        return start(jvmOptions, Map.of(), args, log);
    }

    /**
     * Starts {@code LocalStackRoles <args>} with the given JVM options and environment variables (added to this
     * JVM's), its output appended to {@code log}.
     */
    public static Process start(List<String> jvmOptions, Map<String, String> environment, List<String> args,
                                Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add(LocalStackRoles.class.getName());
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            // the class path in the environment, not on the command line: the kernel shows a process's command line
            // (and the JDK's ProcessHandle reads it) only up to a page, and the role and its arguments come after it
            builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
            builder.environment().putAll(environment);
            return builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + args, e);
        }
    }
}
