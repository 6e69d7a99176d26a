package nl.adempauze.requestmatching.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A location that could take the patient, as matching knows it: features, contracted funders for the care type,
 * offerable beds, when that figure was published, and how often the location accepted recent offers.
 */
public record Candidate(String locationId, String name, String providerId, String municipality, double latitude,
                        double longitude, Set<String> features, boolean open, Set<String> contractedFunders,
                        int availableBeds, Instant capacityPublishedAt, AcceptanceRecord acceptance) {

    /** Answers to this location's recent offers; an unknown record counts as neutral. */
    public record AcceptanceRecord(int accepted, int answered) {

        public static final AcceptanceRecord NONE = new AcceptanceRecord(0, 0);

        public double rate() {
            return answered == 0 ? 0.5 : (double) accepted / answered;
        }
    }
}
