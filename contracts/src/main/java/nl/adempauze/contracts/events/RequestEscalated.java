package nl.adempauze.contracts.events;

import java.time.Instant;

/**
 * A request needs the on-call coordinator: no candidate is left ({@code NO_CANDIDATE}), its admission deadline is
 * at risk ({@code DEADLINE_AT_RISK}), an offer went unanswered ({@code OFFER_EXPIRED}), a waiting planned stay can
 * no longer begin ({@code STAY_WINDOW_PASSED}), a crisis stay in a respite bed is about to outstay the nights it
 * holds ({@code STAY_OVERRUN}), or a crisis request left the crisis queue when its admission deadline
 * passed without a bed ({@code QUEUE_DEADLINE_PASSED}).
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
