package nl.adempauze.platform.outbox;

import java.time.Duration;

/**
 * The relay's bounds ({@code adempauze.outbox.*}).
 *
 * @param sendTimeout    how long a batch may wait for the broker's acknowledgements; the producer's own timeouts
 *                       ({@code max.block.ms} + {@code delivery.timeout.ms}) should not exceed it
 * @param lockWait       how long a wake-up waits for the relay lock another instance holds
 * @param firstBackoff   the wait after a first failed attempt, doubling after each further failure ...
 * @param maxBackoff     ... up to this
 */
public record OutboxRelaySettings(Duration sendTimeout, Duration lockWait, Duration firstBackoff, Duration maxBackoff) {

    public static final OutboxRelaySettings DEFAULTS = new OutboxRelaySettings(Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(10));
}
