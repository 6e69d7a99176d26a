package nl.adempauze.requestmatching.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order of the waiting list, fair and explainable: longest effective wait first, where the effective wait is
 * the time since the request first waited plus {@code boost} for every priority raise a coordinator gave it (with a
 * reason, on the record). Waiting longer always moves a request up, so nobody waits forever behind newcomers; ties
 * go by request id, so the order is the same every time.
 */
public final class WaitingListOrder {

    /** A waiting request as the order sees it. */
    public record Entry(String requestId, Instant waitingSince, int priority) {
    }

    private final Duration boost;

    public WaitingListOrder(Duration boost) {
        this.boost = boost;
    }

    /** The effective wait at {@code now}. */
    public Duration effectiveWait(Entry entry, Instant now) {
        return Duration.between(entry.waitingSince(), now).plus(boost.multipliedBy(entry.priority()));
    }

    /**
     * First in line first. Comparing effective waits at one moment is the same as comparing
     * {@code waitingSince - priority x boost}, so the order does not depend on when it is asked.
     */
    public Comparator<Entry> comparator() {
        return Comparator.comparing((Entry entry) -> entry.waitingSince().minus(boost.multipliedBy(entry.priority())))
                .thenComparing(Entry::requestId);
    }
}
