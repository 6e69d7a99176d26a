package nl.adempauze.notification;

import nl.adempauze.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** notification keeps the layers every service keeps (see {@link ServiceArchitecture}). */
class ArchitectureTest {

    @Test
    void keepsItsLayersAndAPlainJavaDomain() {
        ServiceArchitecture.of("nl.adempauze.notification").check();
    }
}
