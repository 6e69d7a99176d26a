package nl.adempauze.requestmatching.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A referrer's request for a bed; it belongs to the {@code referrerOrganisation} that follows it (null when a
 * coordinator took it without naming one). Whom to call back and who the patient is are not part of it: they are
 * read only when shown (see {@link PatientRecords}).
 */
public record MatchingRequest(String id, String region, String careType, Urgency urgency, List<String> needs,
                              String postcode, String municipality, double latitude, double longitude, String funder,
                              Instant neededBy, RequestStatus status, String matchedOfferId,
                              Instant expectedAdmissionAt, String cancelReason, Instant submittedAt, Instant updatedAt,
                              Planning planning, String referrerOrganisation) {

    /**
     * The calendar side of a request: the planned stay wanted (null for crisis), the number of nights (a crisis
     * stay's expected length), its series, waiting-list standing and the coordinator's decisions.
     * {@code roundStartedAt}: hold refusals before it do not rule a location out (capacity may have appeared since).
     */
    public record Planning(Stay stay, Integer nights, String seriesId, int priority, boolean protectionOverride,
                           Instant roundStartedAt, Instant waitingSince, Instant bookedAt) {

        public static Planning none(Instant submittedAt) {
            return new Planning(null, null, null, 0, false, submittedAt, null, null);
        }
    }

    public MatchProfile profile() {
        return new MatchProfile(careType, urgency, Set.copyOf(needs), latitude, longitude, funder);
    }

    public MatchProfile profile(boolean contractRequired) {
        return new MatchProfile(careType, urgency, Set.copyOf(needs), latitude, longitude, funder, contractRequired);
    }
}
