package nl.adempauze.contracts.events;

import java.time.Instant;

/** Bed-availability could not hold a bed for an offer (no bed left, location closed, unknown location). */
public record BedHoldRefused(
        String offerId,
        String requestId,
        String locationId,
        String careType,
        String reason,
        Instant refusedAt) {
}
