package nl.adempauze.benchmarks.load;

import java.util.concurrent.atomic.AtomicLong;

/** What one load step saw arrive on one channel (webhook, live stream): latencies and when the last came. */
public final class Outcome {

    private final Latencies latencies = new Latencies();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong(Long.MIN_VALUE);
    /** With a moment on the way (the offer made): the latency up to it, and after it. */
    private final Latencies toMark = new Latencies();
    private final Latencies afterMark = new Latencies();

    void arrived(long intendedNanos, long arrivedNanos, long markNanos) {
        latencies.recordNanos(arrivedNanos - intendedNanos);
        if (markNanos != 0) {
            toMark.recordNanos(markNanos - intendedNanos);
            afterMark.recordNanos(arrivedNanos - markNanos);
        }
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

    /** From the intended send to the moment on the way. */
    public Latencies toMark() {
        return toMark;
    }

    /** From the moment on the way to the arrival. */
    public Latencies afterMark() {
        return afterMark;
    }
}
