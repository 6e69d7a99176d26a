package nl.adempauze.bedavailability;

import nl.adempauze.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsItsLayersAndAPlainJavaDomain() {
        ServiceArchitecture.of("nl.adempauze.bedavailability").check();
    }
}
