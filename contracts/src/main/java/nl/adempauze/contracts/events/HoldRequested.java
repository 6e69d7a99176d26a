package nl.adempauze.contracts.events;

import java.time.Instant;

/** Matching chose a bed for an offer and asked bed-availability to hold it. */
public record HoldRequested(
        String offerId,
        String requestId,
        String region,
        String locationId,
        String careType,
        Instant requestedAt) {
}
