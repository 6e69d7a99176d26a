package nl.adempauze.contracts.events;

import java.time.Instant;

/** The referrer cancelled a request. */
public record RequestCancelled(String requestId, String region, String reason, Instant cancelledAt) {
}
