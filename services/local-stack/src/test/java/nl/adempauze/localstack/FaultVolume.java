package nl.adempauze.localstack;

import java.time.Duration;

/**
 * How much load the fault tests send: CI's small volume unless the {@code faults} Maven profile (or the system
 * properties) ask for more. {@code adempauze.faults.rate}: crisis requests a second (5); {@code
 * adempauze.faults.load-seconds}: seconds of load before and after each fault (3). The faults themselves keep their
 * length; only the steady load around them grows.
 */
final class FaultVolume {

    static final int RATE = Integer.getInteger("adempauze.faults.rate", 5);
    static final int LOAD_SECONDS = Integer.getInteger("adempauze.faults.load-seconds", 3);

    private FaultVolume() {
    }

    /** The steady load before and after a fault. */
    static Duration around() {
        return Duration.ofSeconds(LOAD_SECONDS);
    }

    /** Free beds enough for every request a test with a fault of this length sends, and to spare. */
    static int beds(Duration fault) {
        long requests = RATE * (2L * LOAD_SECONDS + fault.toSeconds() + 10);
        return (int) Math.max(1000, requests * 2);
    }

    /** How long the requests may take to settle after the load stops: more when more were sent. */
    static Duration settle() {
        return Duration.ofMinutes(2).plusSeconds(RATE * LOAD_SECONDS / 5L);
    }
}
