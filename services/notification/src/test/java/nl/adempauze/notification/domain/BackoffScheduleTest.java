package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffScheduleTest {

    private final BackoffSchedule schedule = new BackoffSchedule(Duration.ofSeconds(1), Duration.ofMinutes(5), 8);

    @Test
    void doublesFromTheInitialDelay() {
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(schedule.delayAfter(7)).isEqualTo(Duration.ofSeconds(64));
    }

    @Test
    void isCappedAtTheMaximum() {
        assertThat(schedule.delayAfter(9)).isEqualTo(Duration.ofSeconds(256)); // still under the cap
        assertThat(schedule.delayAfter(10)).isEqualTo(Duration.ofMinutes(5)); // 512 s capped
        assertThat(schedule.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void isExhaustedAfterMaxAttempts() {
        assertThat(schedule.exhausted(7)).isFalse();
        assertThat(schedule.exhausted(8)).isTrue();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new BackoffSchedule(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffSchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
