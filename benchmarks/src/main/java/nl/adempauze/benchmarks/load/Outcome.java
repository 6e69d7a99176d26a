package nl.adempauze.benchmarks.load;

import java.util.concurrent.atomic.AtomicLong;

/** What one load step saw arrive on one channel (webhook, live stream): latencies and when the last came. */
public final class Outcome {

    private final Latencies latencies = new Latencies();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong(Long.MIN_VALUE);

    void arrived(long intendedNanos, long arrivedNanos) {
        latencies.recordNanos(arrivedNanos - intendedNanos);
        completed.incrementAndGet();
        lastArrival.accumulateAndGet(arrivedNanos, Math::max);
    }

    public long completed() {
        return completed.get();
    }

    /** {@link System#nanoTime()} of the last arrival; {@link Long#MIN_VALUE} when none came. */
    public long lastArrivalNanos() {
        return lastArrival.get();
    }

    public Latencies latencies() {
        return latencies;
    }
}
