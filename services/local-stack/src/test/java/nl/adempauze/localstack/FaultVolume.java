package nl.adempauze.localstack;

import java.time.Duration;

/**
 * How much load the fault tests send: CI's small volume unless the {@code faults} Maven profile (or the system
 * properties) ask for more. {@code adempauze.faults.rate}: crisis requests a second (5); {@code
 * adempauze.faults.load-seconds}: seconds of load before and after each fault (3); {@code adempauze.faults.rounds}:
 * how often each fault is injected, each round a load of its own (1). The faults themselves keep their length.
 * A round stays under {@link #BEDS} requests: a location publishes at most 1,000 free beds of a care type, and
 * every request holds one until the round's clean-up cancels it; a round stretched by slow restarts stops sending at
 * nine in ten of them ({@link CrisisLoad#mostRequests()}).
 */
final class FaultVolume {

    static final int RATE = Integer.getInteger("adempauze.faults.rate", 5);
    static final int LOAD_SECONDS = Integer.getInteger("adempauze.faults.load-seconds", 3);
    static final int ROUNDS = Integer.getInteger("adempauze.faults.rounds", 1);
    /** The free beds at De Hoogte for each round: the most a location may publish. */
    static final int BEDS = 1000;

    private FaultVolume() {
    }

    /** The steady load before and after a fault. */
    static Duration around() {
        return Duration.ofSeconds(LOAD_SECONDS);
    }

    /** The scenario's name in round {@code round} (only numbered when there are several). */
    static String round(String scenario, int round) {
        return ROUNDS == 1 ? scenario : scenario + " (round " + round + " of " + ROUNDS + ")";
    }

    /** How long the requests may take to settle after the load stops: more when more were sent. */
    static Duration settle() {
        return Duration.ofMinutes(2).plusSeconds(RATE * LOAD_SECONDS / 5L);
    }
}
