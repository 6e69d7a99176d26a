package nl.adempauze.contracts.events;

import java.time.Instant;
import java.util.List;

/** A referrer submitted a request. Pseudonymous: no name, contact or birth date, only the needs profile. */
public record RequestSubmitted(
        String requestId,
        String region,
        String careType,
        String urgency,
        List<String> needs,
        String municipality,
        String funder,
        Instant neededBy,
        Instant submittedAt) {
}
