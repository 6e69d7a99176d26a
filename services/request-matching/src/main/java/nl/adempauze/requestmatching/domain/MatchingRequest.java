package nl.adempauze.requestmatching.domain;

import java.time.Instant;
import java.util.List;

/** A referrer's request for a temporary-stay bed, with the contact details that never leave this service. */
public record MatchingRequest(String id, String region, String careType, Urgency urgency, List<String> needs,
                              String postcode, String municipality, double latitude, double longitude, String funder,
                              Contact contact, Instant neededBy, RequestStatus status, String matchedOfferId,
                              Instant expectedAdmissionAt, String cancelReason, Instant submittedAt, Instant updatedAt) {

    public record Contact(String name, String phone, String organisation) {
    }

    public MatchProfile profile() {
        return new MatchProfile(careType, urgency, java.util.Set.copyOf(needs), latitude, longitude, funder);
    }
}
