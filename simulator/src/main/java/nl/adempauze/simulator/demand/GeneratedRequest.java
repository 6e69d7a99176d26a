package nl.adempauze.simulator.demand;

import java.time.Instant;
import java.util.List;
import nl.adempauze.requestmatching.domain.Stay;
import nl.adempauze.requestmatching.domain.Urgency;

/**
 * One request of the replayed year, as a referrer would submit it: a crisis request with the nights the patient
 * will actually stay ({@code nights}), or one planned stay ({@code stay}; a series gives one request per occurrence,
 * as request-matching does, sharing {@code seriesId}).
 */
public record GeneratedRequest(String id, String region, String careType, Urgency urgency, Instant submittedAt,
                               List<String> needs, String municipality, double latitude, double longitude,
                               String funder, Stay stay, int nights, String seriesId) {

    public GeneratedRequest {
        needs = List.copyOf(needs);
    }

    public boolean crisis() {
        return urgency == Urgency.CRISIS;
    }
}
