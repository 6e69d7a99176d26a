package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.adempauze.contracts.events.RegionConfigured.NeighbourDefinition;
import org.junit.jupiter.api.Test;

/** Help across the border: the own region's candidates first, then only those of neighbours that allow it. */
class BorderRankingTest {

    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");
    // The patient lives in Emmen (Drenthe), near the border with Groningen.
    private static final MatchProfile PATIENT = new MatchProfile("ELV_HOOG", Urgency.CRISIS, Set.of(), 52.7858, 6.8975,
            "menzis");
    private static final List<NeighbourDefinition> GRONINGEN_OFFERS = List.of(
            new NeighbourDefinition("groningen", true), new NeighbourDefinition("friesland", false));

    private final CandidateRanker ranker = new CandidateRanker();

    @Test
    void theOwnRegionsCandidatesComeFirstEvenWhenANeighboursLocationIsCloser() {
        List<RankedCandidate> own = rank(candidate("loc-assen", 52.99, 6.56));
        Map<String, List<RankedCandidate>> ofNeighbour = Map.of("groningen",
                rank(candidate("loc-stadskanaal", 52.99, 6.95), candidate("loc-groningen", 53.22, 6.57)));

        List<RankedCandidate> ranking = BorderRanking.combine("drenthe", own, GRONINGEN_OFFERS, ofNeighbour);

        assertThat(ranking).extracting(RankedCandidate::locationId)
                .containsExactly("loc-assen", "loc-stadskanaal", "loc-groningen");
        assertThat(ranking).extracting(RankedCandidate::rank).containsExactly(1, 2, 3);
        assertThat(ranking.get(0).outsideRegion()).isFalse();
        assertThat(ranking.get(0).region()).isEqualTo("drenthe");
        assertThat(ranking.get(0).reasons()).extracting(RankingReason::code)
                .doesNotContain(RankingReasonCode.OUTSIDE_REGION);
        assertThat(ranking.get(0).distanceKm()).isGreaterThan(ranking.get(1).distanceKm());
        assertThat(ranking.subList(1, 3)).allSatisfy(candidate -> {
            assertThat(candidate.outsideRegion()).isTrue();
            assertThat(candidate.region()).isEqualTo("groningen");
            assertThat(candidate.reasons()).last()
                    .isEqualTo(new RankingReason(RankingReasonCode.OUTSIDE_REGION, Map.of("region", "groningen")));
            assertThat(candidate.explanation()).contains("outside the region (groningen)");
        });
    }

    @Test
    void withNothingOfItsOwnANeighbourThatOffersWhenFullGivesTheCandidates() {
        List<RankedCandidate> ranking = BorderRanking.combine("drenthe", List.of(), GRONINGEN_OFFERS,
                Map.of("groningen", rank(candidate("loc-stadskanaal", 52.99, 6.95))));

        assertThat(ranking).singleElement().satisfies(candidate -> {
            assertThat(candidate.locationId()).isEqualTo("loc-stadskanaal");
            assertThat(candidate.rank()).isEqualTo(1);
            assertThat(candidate.outsideRegion()).isTrue();
        });
    }

    @Test
    void aNeighbourWithoutOfferWhenFullGivesNothing() {
        List<RankedCandidate> ranking = BorderRanking.combine("drenthe", List.of(), GRONINGEN_OFFERS,
                Map.of("friesland", rank(candidate("loc-heerenveen", 52.96, 5.92))));

        assertThat(ranking).isEmpty();
        assertThat(BorderRanking.offeringNeighbours("drenthe", GRONINGEN_OFFERS)).containsExactly("groningen");
    }

    @Test
    void aRegionThatIsNotNamedAsNeighbourGivesNothing() {
        List<RankedCandidate> ranking = BorderRanking.combine("drenthe", List.of(), List.of(),
                Map.of("groningen", rank(candidate("loc-stadskanaal", 52.99, 6.95))));

        assertThat(ranking).isEmpty();
        assertThat(BorderRanking.offeringNeighbours("drenthe", List.of(new NeighbourDefinition("drenthe", true))))
                .as("a region is not its own neighbour").isEmpty();
    }

    @Test
    void theNeighboursCandidatesKeepTheirOrderByScore() {
        List<RankedCandidate> ranking = BorderRanking.combine("drenthe", List.of(),
                List.of(new NeighbourDefinition("groningen", true), new NeighbourDefinition("overijssel", true)),
                Map.of("groningen", rank(candidate("loc-groningen", 53.22, 6.57)),
                        "overijssel", rank(candidate("loc-hardenberg", 52.57, 6.62))));

        assertThat(ranking).extracting(RankedCandidate::locationId).containsExactly("loc-hardenberg", "loc-groningen");
        assertThat(ranking).extracting(RankedCandidate::region).containsExactly("overijssel", "groningen");
    }

    private List<RankedCandidate> rank(Candidate... candidates) {
        return ranker.rank(PATIENT, List.of(candidates), Set.of(), NOW, Duration.ofHours(12));
    }

    private static Candidate candidate(String id, double latitude, double longitude) {
        return new Candidate(id, id, "provider-of-" + id, "somewhere", latitude, longitude, Set.of(), true,
                Set.of("menzis"), 1, NOW, Candidate.AcceptanceRecord.NONE);
    }
}
