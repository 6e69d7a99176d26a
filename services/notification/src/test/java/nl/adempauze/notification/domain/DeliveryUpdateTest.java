package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryUpdateTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:41:19Z");
    private final BackoffSchedule schedule = new BackoffSchedule(Duration.ofSeconds(1), Duration.ofMinutes(5), 3);

    @Test
    void aTwoHundredIsDelivered() {
        DeliveryUpdate update = DeliveryUpdate.after(1, AttemptOutcome.answered(204), schedule, NOW);

        assertThat(update.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(update.attempts()).isEqualTo(2);
        assertThat(update.deliveredAt()).isEqualTo(NOW);
        assertThat(update.nextAttemptAt()).isNull();
        assertThat(update.error()).isNull();
    }

    @Test
    void aFailureIsRetriedAfterTheBackoff() {
        DeliveryUpdate update = DeliveryUpdate.after(1, AttemptOutcome.answered(500), schedule, NOW);

        assertThat(update.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(update.attempts()).isEqualTo(2);
        assertThat(update.statusCode()).isEqualTo(500);
        assertThat(update.error()).isEqualTo("HTTP_500");
        assertThat(update.nextAttemptAt()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void theLastFailedAttemptIsPermanent() {
        DeliveryUpdate update = DeliveryUpdate.after(2, AttemptOutcome.noAnswer(AttemptOutcome.TIMEOUT), schedule, NOW);

        assertThat(update.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(update.attempts()).isEqualTo(3);
        assertThat(update.statusCode()).isNull();
        assertThat(update.error()).isEqualTo(AttemptOutcome.TIMEOUT);
        assertThat(update.nextAttemptAt()).isNull();
    }

    @Test
    void redirectsAndClientErrorsAreFailures() {
        assertThat(AttemptOutcome.answered(302).delivered()).isFalse();
        assertThat(AttemptOutcome.answered(410).delivered()).isFalse();
        assertThat(AttemptOutcome.answered(299).delivered()).isTrue();
    }
}
