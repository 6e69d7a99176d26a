package nl.adempauze.requestmatching.domain;

/** Whose a location is and where: what access to its offers depends on. */
public record LocationPlace(String providerId, String region) {
}
