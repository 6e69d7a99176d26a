package nl.adempauze.contracts.events;

/** Postal address of a location; shown to a referrer once a request is matched. */
public record Address(String street, String postcode, String city) {
}
