package nl.adempauze.benchmarks.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

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
    private volatile Duration sentFor = Duration.ZERO;

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
    public void run(LongConsumer send) {
        run(send, () -> false);
    }

    /** Runs the step until its end or until {@code stop} holds (then {@link #stoppedEarly()}). */
    public void run(LongConsumer send, BooleanSupplier stop) {
        startedNanos = System.nanoTime();
        sent = OpenLoop.run(perSecond, duration, intended -> {
            inFlight.incrementAndGet();
            send.accept(intended);
        }, stop);
        sentFor = Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Runs the step closed loop instead: a request is sent whenever {@code mayPend} holds (few enough wait for their
     * effect), as fast as the system completes them, for the step's duration; each send's intended time is when it
     * was sent.
     */
    public void runClosed(LongConsumer send, BooleanSupplier mayPend) {
        startedNanos = System.nanoTime();
        long end = startedNanos + duration.toNanos();
        int count = 0;
        while (System.nanoTime() < end) {
            if (mayPend.getAsBoolean()) {
                inFlight.incrementAndGet();
                send.accept(System.nanoTime());
                count++;
            } else {
                LockSupport.parkNanos(200_000);
            }
        }
        sent = count;
        sentFor = Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** How long it sent: its duration, or less when it was stopped. */
    public Duration sentFor() {
        return sentFor;
    }

    public boolean stoppedEarly() {
        return sent < Math.floor(perSecond * duration.toNanos() / 1e9) - 1;
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
        double seconds = Math.max((last - startedNanos) / 1e9, sentFor.toNanos() / 1e9);
        return outcome.completed() / seconds;
    }
}
