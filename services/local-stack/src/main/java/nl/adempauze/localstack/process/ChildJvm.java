package nl.adempauze.localstack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import nl.adempauze.localstack.LocalStack;

/**
 * Starts {@link LocalStack} in a JVM of its own with a role argument (a service, the broker), from the same build
 * this JVM runs: its class path when started with one (tests, the benchmark), or its jar when started with
 * {@code java -jar}. Output goes to a log file, appended, so that a restart keeps what the last run said.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code LocalStack <args>} with the given JVM options, its output appended to {@code log}. */
    public static Process start(List<String> jvmOptions, List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        String classPath = System.getProperty("java.class.path");
        if (isExecutableJar(classPath)) {
            command.add("-jar");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(LocalStack.class.getName());
        }
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

    /** A Spring Boot executable jar (the local stack's {@code -exec} jar) runs its own main; a plain path does not. */
    private static boolean isExecutableJar(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
