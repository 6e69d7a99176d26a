package nl.adempauze.requestmatching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.adempauze.requestmatching.domain.RankedCandidate;
import nl.adempauze.requestmatching.domain.RankingReason;
import nl.adempauze.requestmatching.domain.RankingReasonCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RankingJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRankingStoredBeforeReasonsExistedStillReadsWithNone() {
        String stored = """
                [{"rank":1,"locationId":"loc-1","name":"De Linde","providerId":"prov-1","score":3.1,
                  "distanceKm":3.1,"explanation":"De Linde (Assen): 3.1 km from the patient's home",
                  "firstNight":null,"nights":null}]""";

        List<RankedCandidate> ranking = RankingJson.read(json, stored);

        assertThat(ranking).singleElement().satisfies(candidate -> {
            assertThat(candidate.locationId()).isEqualTo("loc-1");
            assertThat(candidate.explanation()).contains("3.1 km");
            assertThat(candidate.reasons()).isEmpty();
        });
    }

    @Test
    void reasonsSurviveTheRoundTrip() {
        RankedCandidate candidate = new RankedCandidate(1, "loc-1", "De Linde", "prov-1", 3.1, 3.1, "3.1 km",
                List.of(new RankingReason(RankingReasonCode.DISTANCE_KM, Map.of("km", 3.1)),
                        new RankingReason(RankingReasonCode.CAPACITY_STALE, Map.of("minutes", 95, "penaltyKm", 15))),
                null, null);

        List<RankedCandidate> read = RankingJson.read(json, RankingJson.write(json, List.of(candidate)));

        assertThat(read).containsExactly(candidate);
    }
}
