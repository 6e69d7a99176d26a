package nl.adempauze.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.adempauze.contracts.EventCodec;
import nl.adempauze.platform.PlatformDefaults;
import nl.adempauze.platform.support.PlatformIntegrationTest;
import nl.adempauze.platform.testing.TestingDefaults;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

/**
 * A running service writes its events without checking them against their schemas; every test of a service checks
 * them, so a record that would break the contract fails there first.
 */
class CheckedEventsInTestsTest extends PlatformIntegrationTest {

    @Autowired
    private EventCodec codec;

    @Test
    void aServiceUnderTestRefusesToWriteAnEventThatBreaksItsSchema() {
        assertThatThrownBy(() -> codec.encode(capacity("loc-1", -1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("availableBeds");
    }

    @Test
    void aRunningServiceLeavesTheCheckOutAndTestsPutItBackWhicheverComesFirst() {
        StandardEnvironment running = new StandardEnvironment();
        new PlatformDefaults().postProcessEnvironment(running, new SpringApplication());
        assertThat(running.getProperty(PlatformDefaults.CHECK_ENCODED_EVENTS)).isEqualTo("false");

        StandardEnvironment platformFirst = new StandardEnvironment();
        new PlatformDefaults().postProcessEnvironment(platformFirst, new SpringApplication());
        new TestingDefaults().postProcessEnvironment(platformFirst, new SpringApplication());
        assertThat(platformFirst.getProperty(PlatformDefaults.CHECK_ENCODED_EVENTS)).isEqualTo("true");

        StandardEnvironment testingFirst = new StandardEnvironment();
        new TestingDefaults().postProcessEnvironment(testingFirst, new SpringApplication());
        new PlatformDefaults().postProcessEnvironment(testingFirst, new SpringApplication());
        assertThat(testingFirst.getProperty(PlatformDefaults.CHECK_ENCODED_EVENTS)).isEqualTo("true");
    }
}
