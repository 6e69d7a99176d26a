package nl.adempauze.localstack;

import java.nio.file.Path;

/** The repository's seed files. */
final class Seeds {

    private Seeds() {
    }

    /** {@code seeds/<name>} of the clone the tests run in. */
    static Path file(String name) {
        return RepositoryFiles.find("seeds/" + name);
    }
}
