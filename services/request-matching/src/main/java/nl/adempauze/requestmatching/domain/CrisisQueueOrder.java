package nl.adempauze.requestmatching.domain;

import java.time.Instant;
import java.util.Comparator;

/**
 * The order of a region's crisis queue: most urgent first (the earliest admission deadline; one without a deadline
 * after those with one), then the longest waiting; ties by request id, so the order is the same every time. One bed
 * goes to the first that fits.
 */
public final class CrisisQueueOrder {

    /** A queued request as the order sees it. */
    public record Entry(String requestId, Instant neededBy, Instant since) {
    }

    private static final Comparator<Entry> ORDER = Comparator
            .comparing(Entry::neededBy, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Entry::since)
            .thenComparing(Entry::requestId);

    private CrisisQueueOrder() {
    }

    /** First in line first. */
    public static Comparator<Entry> comparator() {
        return ORDER;
    }
}
