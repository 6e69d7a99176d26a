package nl.adempauze.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Sends at a constant rate whatever the answers do (open loop): each send gets its intended time, and latency is
 * measured from that time, so a stall in the system under test is not hidden by the load generator waiting for it
 * (no coordinated omission). The send must not block.
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    /** Calls {@code send} with the intended {@link System#nanoTime()} of each send; answers how many were sent. */
    public static int run(double perSecond, Duration duration, LongConsumer send) {
        return run(perSecond, duration, send, () -> false);
    }

    /** As {@link #run(double, Duration, LongConsumer)}, ending early once {@code stop} holds (checked every send). */
    public static int run(double perSecond, Duration duration, LongConsumer send, BooleanSupplier stop) {
        long period = Math.round(1e9 / perSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int sent = 0;
        for (long intended = start; intended < end && !stop.getAsBoolean(); intended += period) {
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send.accept(intended);
            sent++;
        }
        return sent;
    }
}
