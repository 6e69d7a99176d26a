package nl.adempauze.contracts.events;

import java.time.Instant;

/**
 * The referrer cancelled a request, with a reason code ({@code NO_LONGER_NEEDED}, ... or {@code OTHER}): never free
 * text, which may name the patient and stays in request-matching.
 */
public record RequestCancelled(String requestId, String region, String reason, Instant cancelledAt) {
}
