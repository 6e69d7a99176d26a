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
 * One load step: sends at a constant rate whatever the answers do (open loop), each send with its intended time,
 * and keeps the book of calls sent, answered as expected, failed and in flight. Latency is measured from the
 * intended time, so a stall in the system under test is not hidden by the load generator waiting for it (no
 * coordinated omission). The send must not block.
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

    /** Runs the step until its end or until {@code stop} holds (checked before every send). */
    public void run(LongConsumer send, BooleanSupplier stop) {
        long period = Math.round(1e9 / perSecond);
        startedNanos = System.nanoTime();
        long end = startedNanos + duration.toNanos();
        int count = 0;
        for (long intended = startedNanos; intended < end && !stop.getAsBoolean(); intended += period) {
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.incrementAndGet();
            send.accept(intended);
            count++;
        }
        sent = count;
        sentFor = Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Runs the step closed loop instead (a warm-up): a call whenever {@code mayPend} holds (few enough wait for
     * their effect), as fast as the system completes them; each call's intended time is when it was sent.
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

    /** Waits until {@code done} holds, at most {@code limit}; answers whether it did. */
    public static boolean await(BooleanSupplier done, Duration limit) {
        return await(done, limit, Duration.ofMillis(20));
    }

    /** As {@link #await(BooleanSupplier, Duration)}, asking every {@code interval}. */
    public static boolean await(BooleanSupplier done, Duration limit, Duration interval) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(interval.toNanos());
        }
        return true;
    }

    /** Effects per second from the step's start to the last effect's arrival. */
    public double achievedPerSecond(Outcome outcome) {
        long last = outcome.lastArrivalNanos();
        if (last == Long.MIN_VALUE || outcome.completed() == 0) {
            return 0;
        }
        return outcome.completed() / Math.max((last - startedNanos) / 1e9, sentFor.toNanos() / 1e9);
    }

    public boolean stoppedEarly() {
        return sent < Math.floor(perSecond * duration.toNanos() / 1e9) - 1;
    }

    /** How long it sent: its duration, or less when it was stopped. */
    public Duration sentFor() {
        return sentFor;
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
}
