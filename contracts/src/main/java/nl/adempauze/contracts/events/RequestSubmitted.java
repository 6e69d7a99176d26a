package nl.adempauze.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A referrer submitted a request. Pseudonymous: no name, contact or birth date, only the needs profile. A stay on
 * the calendar has its {@code firstNight} and number of {@code nights}; the occurrences of a recurring stay share
 * a {@code seriesId}. {@code referrerOrganisation} is the organisation that follows the request (its users and
 * webhooks see it); it identifies a GP practice or hospital desk, never the patient.
 */
public record RequestSubmitted(
        String requestId,
        String region,
        String careType,
        String urgency,
        List<String> needs,
        String municipality,
        String funder,
        Instant neededBy,
        LocalDate firstNight,
        Integer nights,
        String seriesId,
        Instant submittedAt,
        String referrerOrganisation) {
}
