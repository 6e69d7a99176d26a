package nl.adempauze.platform.outbox;

import java.time.Duration;

/**
 * How long the relay of this instance waits after a failed attempt: doubling from the first wait up to the cap, and
 * back to nothing after a success. An instance that cannot reach the broker thus takes the relay lock ever more
 * rarely, leaving it to instances that can.
 */
final class RelayBackoff {

    private final Duration first;
    private final Duration cap;
    private Duration next;

    RelayBackoff(Duration first, Duration cap) {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < first (" + first + ") <= cap (" + cap + ")");
        }
        this.first = first;
        this.cap = cap;
        this.next = first;
    }

    /** The wait after one more failure in a row. */
    synchronized Duration afterFailure() {
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(cap) > 0 ? cap : doubled;
        return wait;
    }

    synchronized void reset() {
        next = first;
    }
}
