package nl.adempauze.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import nl.adempauze.contracts.Nights;
import nl.adempauze.simulator.demand.DemandParameters;
import nl.adempauze.simulator.demand.GeneratedRequest;
import nl.adempauze.simulator.demand.ProviderAnswers;
import nl.adempauze.simulator.demand.YearDemand;
import nl.adempauze.simulator.optimum.HindsightInstance;
import nl.adempauze.simulator.region.RegionModel;
import nl.adempauze.simulator.region.SeedRegions;
import nl.adempauze.simulator.replay.Replay;
import nl.adempauze.simulator.replay.ReplayResult;

/**
 * A year to replay: the regions (from their seed files), the demand drawn once from the seed, and the period: a
 * warm-up before the measured year (the replay starts with empty beds) and a tail after it, so that stays asked for
 * in the year can still begin. Every scenario replays the same demand and meets the same provider answers.
 */
public final class YearReplay {

    /** Measured year: 2027 (any year would do; the calendar decides weekdays and weekends). */
    public static final LocalDate YEAR = LocalDate.of(2027, 1, 1);
    public static final Duration WARM_UP = Duration.ofDays(60);
    static final Duration TAIL = Duration.ofDays(160);

    private final Map<String, RegionModel> regions;
    private final List<GeneratedRequest> demand;
    private final ProviderAnswers answers;
    private final Instant start;
    private final Instant yearStart;
    private final Instant yearEnd;

    public YearReplay(Map<String, RegionModel> regions, List<GeneratedRequest> demand, ProviderAnswers answers,
                      Instant start, Instant yearStart, Instant yearEnd) {
        this.regions = Map.copyOf(regions);
        this.demand = List.copyOf(demand);
        this.answers = answers;
        this.start = start;
        this.yearStart = yearStart;
        this.yearEnd = yearEnd;
    }

    /** The default year: the seed files' regions, demand drawn with {@code seed}. */
    public static YearReplay fromSeeds(List<Path> seedFiles, DemandParameters parameters, long seed) {
        return fromSeeds(seedFiles, parameters, seed, YEAR.atStartOfDay(Nights.ZONE).toInstant(),
                YEAR.plusYears(1).atStartOfDay(Nights.ZONE).toInstant(), WARM_UP);
    }

    /** The seed files' regions over any measured period, with {@code warmUp} before it. */
    public static YearReplay fromSeeds(List<Path> seedFiles, DemandParameters parameters, long seed,
                                       Instant yearStart, Instant yearEnd, Duration warmUp) {
        return fromSeeds(seedFiles, parameters, seed, yearStart, yearEnd, warmUp, UnaryOperator.identity());
    }

    /**
     * The same, each region as {@code adjust} changes it after it is read (a running region's settings of today)
     * and before its demand is drawn.
     */
    public static YearReplay fromSeeds(List<Path> seedFiles, DemandParameters parameters, long seed,
                                       Instant yearStart, Instant yearEnd, Duration warmUp,
                                       UnaryOperator<RegionModel> adjust) {
        Map<String, RegionModel> regions = new TreeMap<>();
        for (Path file : seedFiles) {
            RegionModel region = adjust.apply(SeedRegions.load(file, parameters));
            regions.put(region.id(), region);
        }
        Instant start = yearStart.minus(warmUp);
        SplittableRandom random = new SplittableRandom(seed);
        List<GeneratedRequest> demand = new ArrayList<>();
        YearDemand generator = new YearDemand(parameters);
        for (RegionModel region : regions.values()) {
            demand.addAll(generator.generate(region, start, yearEnd, random.split()));
        }
        return new YearReplay(regions, demand, new ProviderAnswers(parameters, seed), start, yearStart, yearEnd);
    }

    public ReplayResult replay(Scenario scenario) {
        return new Replay(regions(scenario), scenario.ranking(), answers, start, yearStart, yearEnd)
                .run(demand, yearEnd.plus(TAIL));
    }

    /** The hindsight problem of the measured year's requests, with the beds and border {@code scenario} sets. */
    public HindsightInstance hindsight(Scenario scenario) {
        return new HindsightInstance(regions(scenario), demand.stream()
                .filter(request -> !request.submittedAt().isBefore(yearStart)
                        && request.submittedAt().isBefore(yearEnd))
                .toList());
    }

    /** The regions as {@code scenario} changes them. */
    public Map<String, RegionModel> regions(Scenario scenario) {
        Map<String, RegionModel> changed = new TreeMap<>();
        regions.forEach((id, region) -> changed.put(id, scenario.applyTo(region)));
        return changed;
    }

    public List<GeneratedRequest> demand() {
        return demand;
    }

    public Instant yearStart() {
        return yearStart;
    }

    public Instant yearEnd() {
        return yearEnd;
    }
}
