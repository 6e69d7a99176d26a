package nl.adempauze.benchmarks.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The book-keeping of one open-loop step: calls sent, answered as expected, failed (by status or error), still in
 * flight, and how long the calls themselves took from their intended send time.
 */
public final class LoadStep {

    private final double perSecond;
    private final Duration duration;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong succeeded = new AtomicLong();
    private final Map<String, Long> failures = new ConcurrentHashMap<>();
    private final Latencies calls = new Latencies();
    private volatile int sent;
    private volatile long startedNanos;

    public LoadStep(double perSecond, Duration duration) {
        this.perSecond = perSecond;
        this.duration = duration;
    }

    public double perSecond() {
        return perSecond;
    }

    public Duration duration() {
        return duration;
    }

    /** Runs the step: {@code send} is called with each intended send time and must not block. */
    public void run(java.util.function.LongConsumer send) {
        startedNanos = System.nanoTime();
        sent = OpenLoop.run(perSecond, duration, intended -> {
            inFlight.incrementAndGet();
            send.accept(intended);
        });
    }

    public void succeeded(long intendedNanos) {
        calls.recordNanos(System.nanoTime() - intendedNanos);
        succeeded.incrementAndGet();
        inFlight.decrementAndGet();
    }

    /** A call answered otherwise than expected ({@code why}: a status, or the error's kind). */
    public void failed(long intendedNanos, String why) {
        calls.recordNanos(System.nanoTime() - intendedNanos);
        failures.merge(why, 1L, Long::sum);
        inFlight.decrementAndGet();
    }

    /** Waits until every call is answered and {@code done} holds, at most {@code limit}; answers whether it did. */
    public static boolean await(BooleanSupplier done, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return true;
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int sent() {
        return sent;
    }

    public long succeeded() {
        return succeeded.get();
    }

    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Failures by kind, in a stable order. */
    public Map<String, Long> failures() {
        return new TreeMap<>(failures);
    }

    public Latencies calls() {
        return calls;
    }

    public long startedNanos() {
        return startedNanos;
    }

    /** Effects per second from the step's start to the last effect's arrival. */
    public double achievedPerSecond(Outcome outcome) {
        long last = outcome.lastArrivalNanos();
        if (last == Long.MIN_VALUE || outcome.completed() == 0) {
            return 0;
        }
        double seconds = Math.max((last - startedNanos) / 1e9, duration.toNanos() / 1e9);
        return outcome.completed() / seconds;
    }
}
