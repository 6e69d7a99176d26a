package nl.adempauze.contracts.events;

import java.time.Instant;

/**
 * A coordinator raised a waiting planned request's priority on the waiting list, with a reason code
 * ({@code CARER_OVERBURDENED}, ... or {@code OTHER}): never free text, which stays in request-matching.
 */
public record WaitingPriorityRaised(
        String requestId,
        String region,
        String careType,
        int priority,
        String reason,
        Instant raisedAt) {
}
