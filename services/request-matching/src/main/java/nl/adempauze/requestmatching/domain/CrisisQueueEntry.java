package nl.adempauze.requestmatching.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A crisis request's place in its region's crisis queue: it escalated for lack of a candidate and is matched again
 * by itself whenever a fitting bed appears, unless a coordinator paused that. It is in the queue from {@code since}
 * until it is placed ({@code placedAt}) or leaves it ({@code leftAt}: its admission deadline passed).
 */
public record CrisisQueueEntry(String requestId, Instant since, String pausedReason, Instant placedAt,
                               Instant leftAt) {

    public static CrisisQueueEntry joined(String requestId, Instant now) {
        return new CrisisQueueEntry(requestId, now, null, null, null);
    }

    public boolean inQueue() {
        return placedAt == null && leftAt == null;
    }

    public boolean paused() {
        return pausedReason != null;
    }

    CrisisQueueEntry pausedFor(String reason) {
        return new CrisisQueueEntry(requestId, since, reason, placedAt, leftAt);
    }

    CrisisQueueEntry resumed() {
        return new CrisisQueueEntry(requestId, since, null, placedAt, leftAt);
    }

    public CrisisQueueEntry placed(Instant now) {
        return new CrisisQueueEntry(requestId, since, pausedReason, now, leftAt);
    }

    CrisisQueueEntry left(Instant now) {
        return new CrisisQueueEntry(requestId, since, pausedReason, placedAt, now);
    }

    /**
     * Whole minutes spent in the queue: until it was placed or left, else until {@code end} (now for a request that
     * still looks for a bed, the moment it closed otherwise).
     */
    public long minutesInQueue(Instant end) {
        Instant until = placedAt != null ? placedAt : leftAt != null ? leftAt : end;
        return Math.max(0, Duration.between(since, until).toMinutes());
    }
}
