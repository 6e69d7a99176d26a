package nl.adempauze.notification.domain;

import java.time.Duration;

/**
 * When to try a failed webhook again: the wait doubles after every failed attempt (1 s, 2 s, 4 s, ...) up to a
 * cap, and after {@code maxAttempts} attempts the delivery is given up. Doubling spares a receiver that is down
 * while still reaching one that was only briefly away.
 */
public record BackoffSchedule(Duration initial, Duration max, int maxAttempts) {

    public BackoffSchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("Invalid backoff: initial " + initial + ", max " + max
                    + ", max attempts " + maxAttempts);
        }
    }

    /** True when a delivery that has failed {@code attempts} times must not be tried again. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait after the {@code attempts}-th failed attempt (1-based). */
    public Duration delayAfter(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        Duration delay = initial;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
