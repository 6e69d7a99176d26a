package nl.adempauze.contracts.events;

import java.time.Instant;

/** A held bed was given back because its offer ended without admission. */
public record HoldReleased(
        String offerId,
        String requestId,
        String locationId,
        String careType,
        String reason,
        Instant releasedAt) {
}
