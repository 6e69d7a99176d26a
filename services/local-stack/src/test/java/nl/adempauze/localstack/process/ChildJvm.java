package nl.adempauze.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LocalStackRoles.class.getName());
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + args, e);
        }
    }
}
