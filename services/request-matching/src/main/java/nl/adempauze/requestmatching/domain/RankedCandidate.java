package nl.adempauze.requestmatching.domain;

import java.time.LocalDate;

/**
 * A candidate in ranking order, with its score (lower is better) and why it stands where it does. For a stay on
 * the calendar, the dates it would take ({@code firstNight} and {@code nights}); null for a free-now bed.
 */
public record RankedCandidate(int rank, String locationId, String name, String providerId, double score,
                              double distanceKm, String explanation, LocalDate firstNight, Integer nights) {
}
