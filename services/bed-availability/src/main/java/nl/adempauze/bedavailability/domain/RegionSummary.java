package nl.adempauze.bedavailability.domain;

/** A region on this installation, as a list of regions shows it. */
public record RegionSummary(String id, String name) {
}
