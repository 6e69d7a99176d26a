package nl.adempauze.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's seed files (the tests run in services/local-stack, two levels below). */
final class Seeds {

    private Seeds() {
    }

    /** {@code seeds/<name>} of the clone the tests run in. */
    static Path file(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("seeds").resolve(name);
            if (Files.exists(file)) {
                return file;
            }
        }
        throw new IllegalStateException("seeds/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
