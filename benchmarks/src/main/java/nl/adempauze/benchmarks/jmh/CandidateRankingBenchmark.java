package nl.adempauze.benchmarks.jmh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nl.adempauze.requestmatching.domain.Candidate;
import nl.adempauze.requestmatching.domain.CandidateRanker;
import nl.adempauze.requestmatching.domain.MatchProfile;
import nl.adempauze.requestmatching.domain.RankedCandidate;
import nl.adempauze.requestmatching.domain.Stay;
import nl.adempauze.requestmatching.domain.StayDates;
import nl.adempauze.requestmatching.domain.Urgency;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Request-matching's ranking of the locations in a region, as matching runs it on every new request and on every
 * declined or expired offer: the free-now ranking of a crisis request, and the calendar ranking of a planned
 * respite stay whose locations each come with the dates (of seven flexible starts) they have free.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CandidateRankingBenchmark {

    /** Locations with the care type in the region; Drenthe has 25, a national installation some thousands. */
    @Param({"10", "100", "1000", "10000"})
    public int locations;

    /** A field, not the constant, so that the JIT cannot fold the freshness arithmetic away. */
    private Instant now = SyntheticDrenthe.NOW;
    private final CandidateRanker ranker = new CandidateRanker();
    private List<Candidate> candidates;
    private Set<String> tried;
    private MatchProfile crisis;
    private List<CandidateRanker.Option> calendarOptions;
    private MatchProfile plannedRespite;

    @Setup
    public void createRegion() {
        Random random = SyntheticDrenthe.random();
        candidates = SyntheticDrenthe.candidates(locations, random);
        tried = SyntheticDrenthe.tried(candidates, random);
        // A patient near Assen needing a dementia-capable bed, insured with CZ.
        crisis = new MatchProfile("ELV_HOOG", Urgency.CRISIS, Set.of("DEMENTIA"), 52.99, 6.56, "cz");

        // A three-night Wlz respite stay, any start within three days of the wanted one: seven date options. A
        // location fits on each with even odds, as far ahead the calendar is patchy.
        plannedRespite = new MatchProfile("WLZ_LOGEER", Urgency.PLANNED, Set.of(), 52.78, 6.90,
                SyntheticDrenthe.CARE_OFFICE);
        List<StayDates> wantedDates = new Stay(SyntheticDrenthe.TONIGHT.plusDays(21), 3, 3, null)
                .options(SyntheticDrenthe.TONIGHT);
        calendarOptions = new ArrayList<>();
        for (Candidate location : candidates) {
            Candidate onItsNights = withBeds(location, 1 + random.nextInt(3));
            for (StayDates dates : wantedDates) {
                if (random.nextBoolean()) {
                    calendarOptions.add(new CandidateRanker.Option(onItsNights, dates));
                }
            }
        }
    }

    @Benchmark
    public List<RankedCandidate> rankFreeNow() {
        return ranker.rank(crisis, candidates, tried, now, SyntheticDrenthe.FRESHNESS);
    }

    @Benchmark
    public List<RankedCandidate> rankCalendarOptions() {
        return ranker.rankOptions(plannedRespite, calendarOptions, tried, now, SyntheticDrenthe.FRESHNESS);
    }

    private static Candidate withBeds(Candidate location, int beds) {
        return new Candidate(location.locationId(), location.name(), location.providerId(), location.municipality(),
                location.latitude(), location.longitude(), location.features(), location.open(),
                location.contractedFunders(), beds, location.capacityPublishedAt(), location.acceptance());
    }
}
