package nl.adempauze.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The command request-matching starts a coordinator's what-if with: the simulator in a JVM of its own, at the
 * lowest scheduling priority where {@code nice} exists, with a small heap and one processor's worth of threads, so
 * that a replay never takes the live services' memory and yields them the CPU. From a clone (README's first
 * command) the simulator's build output; in the tests this JVM's own class path, which holds the simulator.
 */
final class WhatIfRunner {

    static final String MAIN = "nl.adempauze.simulator.job.WhatIfJobMain";
    private static final Path BUILT = Path.of("simulator", "target");

    private WhatIfRunner() {
    }

    /** The command, or empty when neither a built simulator nor its classes are at hand (no what-ifs then). */
    static Optional<List<String>> command() {
        return classPath().map(classPath -> {
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
                command.addAll(List.of("/usr/bin/nice", "-n", "19"));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1", "-cp", classPath, MAIN));
            return command;
        });
    }

    private static Optional<String> classPath() {
        Path lib = BUILT.resolve("what-if-lib");
        try (var jars = Files.isDirectory(lib) ? Files.list(BUILT) : Stream.<Path>empty()) {
            Optional<Path> simulator = jars.filter(file -> file.getFileName().toString().matches(
                    "simulator-.*\\.jar")).findFirst();
            if (simulator.isPresent()) {
                return Optional.of(simulator.get().toAbsolutePath() + File.pathSeparator
                        + lib.toAbsolutePath() + File.separator + "*");
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            Class.forName(MAIN, false, WhatIfRunner.class.getClassLoader());
            return Optional.of(System.getProperty("java.class.path"));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
