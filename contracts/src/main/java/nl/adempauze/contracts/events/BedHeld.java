package nl.adempauze.contracts.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Bed-availability took a bed for an offer (free now, or on every night of a calendar stay); nobody else can take
 * it until it is released. For a crisis hold on the calendar, {@code protectedNightsReleased} counts the protected
 * nights it took because no planned stay claimed them within the release horizon, and
 * {@code protectedNightsOverridden} those it took by a coordinator's override.
 */
public record BedHeld(
        String offerId,
        String requestId,
        String locationId,
        String careType,
        LocalDate firstNight,
        Integer nights,
        int protectedNightsReleased,
        int protectedNightsOverridden,
        Instant heldAt) {
}
