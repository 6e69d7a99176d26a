package nl.adempauze.requestmatching.domain;

/** Where a matched patient goes: a location from matching's replica, with its provider and address. */
public record LocationSummary(String id, String name, String providerId, String providerName, String street,
                              String postcode, String city, String municipality) {
}
