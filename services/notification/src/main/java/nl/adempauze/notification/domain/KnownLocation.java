package nl.adempauze.notification.domain;

import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.LocationRegistered;

/** A location's name and postal address, as notification last heard them, for telling a referrer where to go. */
public record KnownLocation(String locationId, String name, String street, String postcode, String city) {

    public static KnownLocation of(LocationRegistered registered) {
        Address address = registered.address();
        return new KnownLocation(registered.locationId(), registered.name(),
                address == null ? null : address.street(), address == null ? null : address.postcode(),
                address == null ? null : address.city());
    }

    /** "Hoofdstraat 1, 9401 AA Assen", leaving out what is unknown. */
    public String address() {
        String place = String.join(" ", java.util.stream.Stream.of(postcode, city)
                .filter(part -> part != null && !part.isBlank()).toList());
        return String.join(", ", java.util.stream.Stream.of(street, place)
                .filter(part -> part != null && !part.isBlank()).toList());
    }
}
