package nl.adempauze.contracts.events;

import java.time.Instant;
import java.util.Map;

/**
 * A request needs the on-call coordinator: no candidate is left ({@code NO_CANDIDATE}), its admission deadline is
 * at risk ({@code DEADLINE_AT_RISK}), an offer went unanswered ({@code OFFER_EXPIRED}), a waiting planned stay can
 * no longer begin ({@code STAY_WINDOW_PASSED}), a crisis stay in a respite bed is about to outstay the nights it
 * holds ({@code STAY_OVERRUN}), or a crisis request left the crisis queue when its admission deadline
 * passed without a bed ({@code QUEUE_DEADLINE_PASSED}).
 *
 * <p>{@code detail} is the English text for the coordinator; {@code detailCode} and {@code detailValues} say the
 * same structured (a code and the values it names, text or numbers), so a screen can word it in its own language.
 * Both are absent in events written before they existed.
 */
public record RequestEscalated(
        String requestId,
        String region,
        String careType,
        String urgency,
        String reason,
        String detail,
        String detailCode,
        Map<String, Object> detailValues,
        Instant escalatedAt) {

    /** An escalation with its English detail only (no structured detail). */
    public RequestEscalated(String requestId, String region, String careType, String urgency, String reason,
            String detail, Instant escalatedAt) {
        this(requestId, region, careType, urgency, reason, detail, null, null, escalatedAt);
    }
}
