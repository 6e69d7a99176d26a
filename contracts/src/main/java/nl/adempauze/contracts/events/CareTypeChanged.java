package nl.adempauze.contracts.events;

import java.time.Instant;

/**
 * A coordinator set the care type of a request that awaited triage ({@code previousCareType} null), or changed it
 * (re-triage); the request is matched again with it. The coordinator's reason stays in request-matching.
 */
public record CareTypeChanged(
        String requestId,
        String region,
        String careType,
        String previousCareType,
        Instant changedAt) {
}
