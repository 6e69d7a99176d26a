package nl.adempauze.requestmatching.domain;

import java.time.LocalDate;

/**
 * Who the patient is: the identifying details that stay in this service, encrypted at rest, shown only to the
 * referrer organisation, the region's coordinators and the provider that accepted, and purged after the request
 * closes. Events carry the pseudonymous request id instead.
 */
public record PatientDetails(String name, LocalDate dateOfBirth, String bsn, Address address, String phone) {

    /** Where the patient lives; any part may be unknown. */
    public record Address(String street, String houseNumber, String postcode, String city) {

        public static final Address UNKNOWN = new Address(null, null, null, null);

        @Override
        public String toString() {
            return "Address[redacted]";
        }
    }

    /** Never the details themselves, should this ever end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "PatientDetails[redacted]";
    }
}
