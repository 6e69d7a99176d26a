package nl.adempauze.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelayBackoffTest {

    @Test
    void doublesUpToTheCapAndStartsOverAfterASuccess() {
        RelayBackoff backoff = new RelayBackoff(Duration.ofMillis(500), Duration.ofSeconds(3));

        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofSeconds(3));
        backoff.reset();
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesACapBelowTheFirstWait() {
        assertThatThrownBy(() -> new RelayBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
