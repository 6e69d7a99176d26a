package nl.adempauze.contracts.events;

import java.time.Instant;

/**
 * A request needs the on-call coordinator: no candidate is left ({@code NO_CANDIDATE}) or its admission
 * deadline is at risk ({@code DEADLINE_AT_RISK}), or an offer went unanswered ({@code OFFER_EXPIRED}).
 */
public record RequestEscalated(
        String requestId,
        String region,
        String careType,
        String urgency,
        String reason,
        String detail,
        Instant escalatedAt) {
}
