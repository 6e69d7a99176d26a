package nl.adempauze.requestmatching.domain;

import java.time.Instant;

/** An escalation as the on-call coordinator's list shows it, with the request's current status. */
public record RegionEscalation(String requestId, String careType, String urgency, String requestStatus,
                               String reason, String detail, Instant escalatedAt) {
}
