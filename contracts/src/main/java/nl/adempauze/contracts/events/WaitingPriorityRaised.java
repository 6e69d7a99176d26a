package nl.adempauze.contracts.events;

import java.time.Instant;

/** A coordinator raised a waiting planned request's priority on the waiting list, with a reason. */
public record WaitingPriorityRaised(
        String requestId,
        String region,
        String careType,
        int priority,
        String reason,
        Instant raisedAt) {
}
