package nl.adempauze.notification.domain;

import java.time.Instant;

/**
 * The state of a delivery after one more attempt: DELIVERED on a 2xx, otherwise PENDING with the next try
 * scheduled by the backoff, or FAILED once the attempts are used up.
 */
public record DeliveryUpdate(DeliveryStatus status, int attempts, Integer statusCode, String error,
                             Instant nextAttemptAt, Instant deliveredAt) {

    public static DeliveryUpdate after(int previousAttempts, AttemptOutcome outcome, BackoffSchedule schedule,
                                       Instant now) {
        int attempts = previousAttempts + 1;
        if (outcome.delivered()) {
            return new DeliveryUpdate(DeliveryStatus.DELIVERED, attempts, outcome.statusCode(), null, null, now);
        }
        if (schedule.exhausted(attempts)) {
            return new DeliveryUpdate(DeliveryStatus.FAILED, attempts, outcome.statusCode(), outcome.error(), null,
                    null);
        }
        return new DeliveryUpdate(DeliveryStatus.PENDING, attempts, outcome.statusCode(), outcome.error(),
                now.plus(schedule.delayAfter(attempts)), null);
    }
}
