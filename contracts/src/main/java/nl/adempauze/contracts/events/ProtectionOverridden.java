package nl.adempauze.contracts.events;

import java.time.Instant;

/**
 * A coordinator allowed a crisis request to take nights protected for planned respite, with a reason code
 * ({@code UNSAFE_AT_HOME}, ... or {@code OTHER}): never free text, which stays in request-matching.
 */
public record ProtectionOverridden(
        String requestId,
        String region,
        String careType,
        String reason,
        Instant overriddenAt) {
}
