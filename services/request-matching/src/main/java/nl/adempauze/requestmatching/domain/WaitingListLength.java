package nl.adempauze.requestmatching.domain;

/** A waiting list's length, as last counted. */
public record WaitingListLength(String region, String careType, long requests) {
}
