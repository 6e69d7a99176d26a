package nl.adempauze.benchmarks.load;

import java.time.Instant;

/**
 * Moments that other processes on this machine wrote down (an event's time) on this JVM's {@link System#nanoTime()}
 * scale, to split a latency at them. The offset is taken once; both clocks are the machine's.
 */
public final class WallClock {

    private static final long OFFSET = offset();

    private WallClock() {
    }

    /** The {@link System#nanoTime()} that corresponds to this wall-clock moment. */
    public static long toNanoTime(Instant moment) {
        return moment.getEpochSecond() * 1_000_000_000L + moment.getNano() - OFFSET;
    }

    private static long offset() {
        long before = System.nanoTime();
        Instant now = Instant.now();
        long after = System.nanoTime();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano() - (before + (after - before) / 2);
    }
}
