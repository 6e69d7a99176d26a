package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The structured reasons beside each ranked candidate's English explanation: one per factor, with its values. */
class CandidateRankerReasonsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final Duration FRESHNESS = Duration.ofHours(12);
    private static final double HOME_LAT = 52.9928;
    private static final double HOME_LON = 6.5642;

    private final CandidateRanker ranker = new CandidateRanker();

    @Test
    void aContractedFreshLocationWithAFreeBedGivesDistanceContractFreshnessAndBeds() {
        Candidate near = candidate("near", Set.of("zilveren-kruis"), NOW.minus(Duration.ofMinutes(7)),
                Candidate.AcceptanceRecord.NONE);

        RankedCandidate ranked = single(crisisFor("zilveren-kruis"), near);

        assertThat(ranked.reasons()).extracting(RankingReason::code).containsExactly(RankingReasonCode.DISTANCE_KM,
                RankingReasonCode.CONTRACT_WITH_FUNDER, RankingReasonCode.CAPACITY_FRESH,
                RankingReasonCode.NO_ANSWERED_OFFERS, RankingReasonCode.BEDS_FREE);
        assertThat(reason(ranked, RankingReasonCode.DISTANCE_KM).values()).containsEntry("km", ranked.distanceKm());
        assertThat(reason(ranked, RankingReasonCode.CONTRACT_WITH_FUNDER).values())
                .isEqualTo(Map.of("funder", "zilveren-kruis"));
        assertThat(reason(ranked, RankingReasonCode.CAPACITY_FRESH).values()).isEqualTo(Map.of("minutes", 7L));
        assertThat(reason(ranked, RankingReasonCode.NO_ANSWERED_OFFERS).values()).isEqualTo(Map.of("bonusKm", 5.0));
        assertThat(reason(ranked, RankingReasonCode.BEDS_FREE).values()).isEqualTo(Map.of("beds", 2));
    }

    @Test
    void aLocationWithoutAContractNamesTheFunderAndThePenalty() {
        Candidate uncontracted = candidate("cz-only", Set.of("cz"), NOW, Candidate.AcceptanceRecord.NONE);

        RankedCandidate ranked = single(crisisFor("zilveren-kruis"), uncontracted);

        assertThat(reason(ranked, RankingReasonCode.NO_CONTRACT).values())
                .isEqualTo(Map.of("funder", "zilveren-kruis", "penaltyKm", 25));
        assertThat(ranked.reasons()).extracting(RankingReason::code)
                .doesNotContain(RankingReasonCode.CONTRACT_WITH_FUNDER, RankingReasonCode.FUNDER_UNKNOWN);
    }

    @Test
    void anUnknownFunderCountsAsNoContract() {
        Candidate location = candidate("any", Set.of("cz"), NOW, Candidate.AcceptanceRecord.NONE);

        RankedCandidate ranked = single(crisisFor(null), location);

        assertThat(reason(ranked, RankingReasonCode.FUNDER_UNKNOWN).values()).isEqualTo(Map.of("penaltyKm", 25));
    }

    @Test
    void aStaleCapacityFigureSaysHowManyMinutesOld() {
        Candidate stale = candidate("stale", Set.of("zilveren-kruis"), NOW.minus(Duration.ofMinutes(95 + 12 * 60)),
                Candidate.AcceptanceRecord.NONE);

        RankedCandidate ranked = single(crisisFor("zilveren-kruis"), stale);

        assertThat(reason(ranked, RankingReasonCode.CAPACITY_STALE).values())
                .isEqualTo(Map.of("minutes", 815L, "penaltyKm", 15));
        assertThat(ranked.reasons()).extracting(RankingReason::code).doesNotContain(RankingReasonCode.CAPACITY_FRESH);
    }

    @Test
    void aKnownAcceptanceRecordGivesAcceptedOfAnsweredAndTheBonus() {
        Candidate accepter = candidate("accepter", Set.of("zilveren-kruis"), NOW, new Candidate.AcceptanceRecord(3, 4));

        RankedCandidate ranked = single(crisisFor("zilveren-kruis"), accepter);

        assertThat(reason(ranked, RankingReasonCode.ACCEPTANCE_RATE).values())
                .isEqualTo(Map.of("accepted", 3, "answered", 4, "bonusKm", 7.5));
        assertThat(ranked.reasons()).extracting(RankingReason::code)
                .doesNotContain(RankingReasonCode.NO_ANSWERED_OFFERS);
    }

    @Test
    void aStayOnTheCalendarGivesItsDatesAndTheShiftPenaltyInsteadOfFreeBeds() {
        MatchProfile respite = new MatchProfile("WMO_LOGEER", Urgency.PLANNED, Set.of(), HOME_LAT, HOME_LON,
                "gemeente-assen", true);
        Candidate location = candidate("respite", Set.of("gemeente-assen"), NOW, Candidate.AcceptanceRecord.NONE);
        LocalDate firstNight = LocalDate.parse("2026-12-12");

        RankedCandidate ranked = ranker.rankOptions(respite,
                        List.of(new CandidateRanker.Option(location, new StayDates(firstNight, 3, -2))),
                        Set.of(), NOW, FRESHNESS).get(0);

        assertThat(reason(ranked, RankingReasonCode.FREE_ON_DATES).values())
                .isEqualTo(Map.of("firstNight", "2026-12-12", "nights", 3, "shiftDays", -2, "penaltyKm", 10));
        assertThat(ranked.reasons()).extracting(RankingReason::code).doesNotContain(RankingReasonCode.BEDS_FREE);
    }

    @Test
    void everyCodeTheRankerGivesIsCoveredByTheCasesAbove() {
        // keeps this class honest when a factor is added: a new code needs a case here (OUTSIDE_REGION is not the
        // ranker's but BorderRanking's, covered by BorderRankingTest)
        assertThat(RankingReasonCode.values()).hasSize(11);
    }

    private RankedCandidate single(MatchProfile profile, Candidate candidate) {
        return ranker.rank(profile, List.of(candidate), Set.of(), NOW, FRESHNESS).get(0);
    }

    private static RankingReason reason(RankedCandidate ranked, RankingReasonCode code) {
        return ranked.reasons().stream().filter(reason -> reason.code() == code).findFirst().orElseThrow();
    }

    private static MatchProfile crisisFor(String funder) {
        return new MatchProfile("ELV_HOOG", Urgency.CRISIS, Set.of(), HOME_LAT, HOME_LON, funder);
    }

    private static Candidate candidate(String id, Set<String> funders, Instant publishedAt,
                                       Candidate.AcceptanceRecord acceptance) {
        return new Candidate(id, id, "provider-" + id, "Assen", 52.995, 6.560, Set.of(), true, funders, 2,
                publishedAt, acceptance);
    }
}
