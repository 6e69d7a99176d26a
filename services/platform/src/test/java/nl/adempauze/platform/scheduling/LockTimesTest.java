package nl.adempauze.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LockTimesTest {

    @Test
    void aJobLockedForItsIntervalIsHeldAtMostTheLongerOfItsIntervalAndItsLongestRun() {
        assertThat(LockTimes.atMost("PT1S", "PT2M")).isEqualTo("PT2M");
        assertThat(LockTimes.atMost("PT1H", "PT15M")).isEqualTo("PT1H");
        assertThat(LockTimes.atMost("90m", "PT15M")).isEqualTo("PT1H30M");
    }
}
