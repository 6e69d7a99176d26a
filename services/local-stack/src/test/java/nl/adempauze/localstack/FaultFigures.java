package nl.adempauze.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The figures each fault test prints, also appended to {@code target/fault-figures.txt}: the large-volume command
 * ({@code -Pfaults}) runs for many minutes, and its figures should not have to be dug out of the build's output.
 */
final class FaultFigures {

    private static final Path FILE = Path.of("target", "fault-figures.txt");

    private FaultFigures() {
    }

    static synchronized void print(String line) {
        System.out.println(line);
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Files.writeString(FILE, Instant.now() + " " + line + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
