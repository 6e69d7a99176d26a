package nl.adempauze.requestmatching.domain;

import java.time.Instant;
import java.util.Map;

/**
 * An escalation as the on-call coordinator's list shows it, with the request's current status; its detail in
 * English and as a code and values as in {@link Escalation}.
 */
public record RegionEscalation(String requestId, String careType, String urgency, String requestStatus,
                               String reason, String detail, String detailCode, Map<String, Object> detailValues,
                               Instant escalatedAt) {
}
