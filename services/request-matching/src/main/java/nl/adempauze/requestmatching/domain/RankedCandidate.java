package nl.adempauze.requestmatching.domain;

/** A candidate in ranking order, with its score (lower is better) and why it stands where it does. */
public record RankedCandidate(int rank, String locationId, String name, String providerId, double score,
                              double distanceKm, String explanation) {
}
