package nl.adempauze.requestmatching;

import nl.adempauze.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** request-matching keeps the layers every service keeps, with a plain-Java domain (see ServiceArchitecture). */
class ArchitectureTest {

    @Test
    void keepsItsLayersAndAPlainJavaDomain() {
        ServiceArchitecture.of("nl.adempauze.requestmatching").check();
    }
}
