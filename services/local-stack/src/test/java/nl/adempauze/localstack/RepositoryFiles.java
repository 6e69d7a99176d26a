package nl.adempauze.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the clone the tests run in (they run in services/local-stack, two levels below its root). */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** {@code relativePath} in the nearest directory above that has it. */
    static Path find(String relativePath) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(relativePath);
            if (Files.exists(file)) {
                return file;
            }
        }
        throw new IllegalStateException(relativePath + " not found above " + Path.of("").toAbsolutePath());
    }
}
