package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CandidateRankerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final Duration FRESHNESS = Duration.ofHours(12);
    // The patient lives in Assen.
    private static final MatchProfile GP_REQUEST = new MatchProfile("ELV_HOOG", Urgency.CRISIS, Set.of("DEMENTIA"),
            52.9928, 6.5642, "zilveren-kruis");

    private final CandidateRanker ranker = new CandidateRanker();

    @Test
    void nearestContractedFreshLocationComesFirstWithAnExplanation() {
        Candidate near = candidate("near", 52.995, 6.560, Set.of("DEMENTIA"), Set.of("zilveren-kruis"), NOW);
        Candidate far = candidate("far", 52.78, 6.90, Set.of("DEMENTIA"), Set.of("zilveren-kruis"), NOW);

        List<RankedCandidate> ranking = ranker.rank(GP_REQUEST, List.of(far, near), Set.of(), NOW, FRESHNESS);

        assertThat(ranking).extracting(RankedCandidate::locationId).containsExactly("near", "far");
        assertThat(ranking.get(0).rank()).isEqualTo(1);
        assertThat(ranking.get(0).explanation()).contains("km from the patient's home", "contracted with zilveren-kruis");
    }

    @Test
    void hardConstraintsExcludeClosedFullUnsuitableAndAlreadyTriedLocations() {
        Candidate noDementia = candidate("no-dementia", 52.99, 6.56, Set.of(), Set.of("zilveren-kruis"), NOW);
        Candidate closed = new Candidate("closed", "closed", "p", "Assen", 52.99, 6.56, Set.of("DEMENTIA"), false,
                Set.of(), 1, NOW, Candidate.AcceptanceRecord.NONE);
        Candidate full = new Candidate("full", "full", "p", "Assen", 52.99, 6.56, Set.of("DEMENTIA"), true,
                Set.of(), 0, NOW, Candidate.AcceptanceRecord.NONE);
        Candidate tried = candidate("tried", 52.99, 6.56, Set.of("DEMENTIA"), Set.of(), NOW);
        Candidate fine = candidate("fine", 52.80, 6.60, Set.of("DEMENTIA", "OXYGEN"), Set.of(), NOW);

        List<RankedCandidate> ranking = ranker.rank(GP_REQUEST, List.of(noDementia, closed, full, tried, fine),
                Set.of("tried"), NOW, FRESHNESS);

        assertThat(ranking).extracting(RankedCandidate::locationId).containsExactly("fine");
    }

    @Test
    void inACrisisAMissingContractRanksLowerButNeverExcludes() {
        Candidate uncontractedNear = candidate("uncontracted-near", 52.995, 6.560, Set.of("DEMENTIA"), Set.of("cz"), NOW);
        Candidate contractedFar = candidate("contracted-far", 52.85, 6.60, Set.of("DEMENTIA"), Set.of("zilveren-kruis"), NOW);
        Candidate contractedVeryFar = candidate("contracted-very-far", 52.60, 6.90, Set.of("DEMENTIA"),
                Set.of("zilveren-kruis"), NOW);

        List<RankedCandidate> ranking = ranker.rank(GP_REQUEST,
                List.of(uncontractedNear, contractedFar, contractedVeryFar), Set.of(), NOW, FRESHNESS);

        assertThat(ranking).extracting(RankedCandidate::locationId)
                .containsExactly("contracted-far", "uncontracted-near", "contracted-very-far");
        assertThat(ranking.get(1).explanation()).contains("no contract with zilveren-kruis");

        MatchProfile unknownFunder = new MatchProfile("ELV_HOOG", Urgency.CRISIS, Set.of(), 52.9928, 6.5642, null);
        assertThat(ranker.rank(unknownFunder, List.of(uncontractedNear), Set.of(), NOW, FRESHNESS))
                .singleElement().satisfies(c -> assertThat(c.explanation()).contains("funder unknown"));
    }

    @Test
    void staleCapacityAndPoorAcceptanceRankLower() {
        Candidate stale = candidate("stale", 52.995, 6.560, Set.of(), Set.of("zilveren-kruis"), NOW.minus(Duration.ofDays(2)));
        Candidate fresh = candidate("fresh", 53.05, 6.56, Set.of(), Set.of("zilveren-kruis"), NOW.minusSeconds(600));
        MatchProfile noNeeds = new MatchProfile("ELV_HOOG", Urgency.CRISIS, Set.of(), 52.9928, 6.5642, "zilveren-kruis");

        List<RankedCandidate> ranking = ranker.rank(noNeeds, List.of(stale, fresh), Set.of(), NOW, FRESHNESS);

        assertThat(ranking).extracting(RankedCandidate::locationId).containsExactly("fresh", "stale");
        assertThat(ranking.get(1).explanation()).contains("capacity stale");

        Candidate refuser = new Candidate("refuser", "refuser", "p", "Assen", 52.995, 6.560, Set.of(), true,
                Set.of("zilveren-kruis"), 1, NOW, new Candidate.AcceptanceRecord(0, 10));
        Candidate accepter = new Candidate("accepter", "accepter", "p", "Assen", 52.999, 6.560, Set.of(), true,
                Set.of("zilveren-kruis"), 1, NOW, new Candidate.AcceptanceRecord(9, 10));
        assertThat(ranker.rank(noNeeds, List.of(refuser, accepter), Set.of(), NOW, FRESHNESS))
                .extracting(RankedCandidate::locationId).containsExactly("accepter", "refuser");
    }

    @Test
    void distanceBetweenAssenAndEmmenIsAboutThirtyFiveKilometres() {
        assertThat(Geo.distanceKm(52.9928, 6.5642, 52.7792, 6.9069)).isBetween(30.0, 40.0);
    }

    @Test
    void aStayOnTheWantedDatesBeatsANearerLocationOnlyWhenTheShiftCostsMoreThanTheDetour() {
        MatchProfile respite = new MatchProfile("WMO_LOGEER", Urgency.PLANNED, Set.of(), 52.9928, 6.5642,
                "gemeente-assen", true);
        Candidate near = candidate("near", 52.995, 6.560, Set.of(), Set.of("gemeente-assen"), NOW);
        Candidate tenKmAway = candidate("ten-km", 52.90, 6.56, Set.of(), Set.of("gemeente-assen"), NOW);
        java.time.LocalDate wanted = java.time.LocalDate.parse("2026-12-11");

        List<RankedCandidate> ranking = ranker.rankOptions(respite, List.of(
                        new CandidateRanker.Option(near, new StayDates(wanted.plusDays(3), 3, 3)),
                        new CandidateRanker.Option(tenKmAway, new StayDates(wanted, 3, 0)),
                        new CandidateRanker.Option(near, new StayDates(wanted.plusDays(1), 3, 1))),
                Set.of(), NOW, FRESHNESS);

        // near, one day later (+5 km) beats ten km away on the wanted dates; each location appears once
        assertThat(ranking).extracting(RankedCandidate::locationId).containsExactly("near", "ten-km");
        assertThat(ranking.get(0).firstNight()).isEqualTo(wanted.plusDays(1));
        assertThat(ranking.get(0).nights()).isEqualTo(3);
        assertThat(ranking.get(0).explanation()).contains("free on every night", "+1 day from the wanted dates");
    }

    @Test
    void aWmoStayGoesOnlyToLocationsContractedWithTheMunicipality() {
        MatchProfile respite = new MatchProfile("WMO_LOGEER", Urgency.PLANNED, Set.of(), 52.9928, 6.5642,
                "gemeente-assen", true);
        Candidate otherMunicipality = candidate("other", 52.995, 6.560, Set.of(), Set.of("gemeente-emmen"), NOW);
        Candidate contracted = candidate("contracted", 52.80, 6.60, Set.of(), Set.of("gemeente-assen"), NOW);
        StayDates dates = new StayDates(java.time.LocalDate.parse("2026-12-11"), 3, 0);

        List<RankedCandidate> ranking = ranker.rankOptions(respite, List.of(
                new CandidateRanker.Option(otherMunicipality, dates), new CandidateRanker.Option(contracted, dates)),
                Set.of(), NOW, FRESHNESS);

        assertThat(ranking).extracting(RankedCandidate::locationId).containsExactly("contracted");
    }

    private static Candidate candidate(String id, double lat, double lon, Set<String> features, Set<String> funders,
                                       Instant publishedAt) {
        return new Candidate(id, id, "provider-" + id, "Assen", lat, lon, features, true, funders, 1, publishedAt,
                Candidate.AcceptanceRecord.NONE);
    }
}
