package nl.adempauze.contracts.events;

import java.time.Instant;
import java.time.LocalDate;

/** No location has a free bed on every night of a planned stay (within its flexibility): the request waits. */
public record RequestWaitlisted(
        String requestId,
        String region,
        String careType,
        LocalDate firstNight,
        int nights,
        String reason,
        Instant waitlistedAt) {
}
