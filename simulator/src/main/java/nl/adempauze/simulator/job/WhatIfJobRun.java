package nl.adempauze.simulator.job;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.whatif.PolicyMeasures;
import nl.adempauze.contracts.whatif.PolicyMeasures.Policy;
import nl.adempauze.contracts.whatif.WhatIfJob;
import nl.adempauze.contracts.whatif.WhatIfOutcome;
import nl.adempauze.simulator.Scenario;
import nl.adempauze.simulator.WhatIf;
import nl.adempauze.simulator.YearReplay;
import nl.adempauze.simulator.demand.DemandParameters;
import nl.adempauze.simulator.measure.Measures;
import nl.adempauze.simulator.region.RegionModel;
import nl.adempauze.simulator.report.PolicyRow;

/**
 * A coordinator's what-if: the region and its neighbours from their seed files, with the region's settings of
 * today, over the months asked for (after the same warm-up as the default year), replayed under today's settings
 * and under the changed ones, each against the hindsight optimum's bound.
 */
public final class WhatIfJobRun {

    private WhatIfJobRun() {
    }

    /** Thrown when none of the seed files lays out the job's region: there is nothing to replay. */
    public static final class NoSuchRegion extends RuntimeException {
        NoSuchRegion(String region) {
            super("No seed file lays out region " + region);
        }
    }

    public static WhatIfOutcome run(WhatIfJob job) {
        LocalDate from = YearReplay.YEAR;
        LocalDate end = from.plusMonths(job.months());
        Instant start = from.atStartOfDay(Nights.ZONE).toInstant();
        YearReplay year = YearReplay.fromSeeds(job.seedFiles().stream().map(Path::of).toList(),
                DemandParameters.drenthe(), job.seed(), start, end.atStartOfDay(Nights.ZONE).toInstant(),
                YearReplay.WARM_UP, region -> region.id().equals(job.region())
                        ? TodayOverlay.apply(region, job.today()) : region);
        RegionModel region = year.regions(Scenario.today()).get(job.region());
        if (region == null) {
            throw new NoSuchRegion(job.region());
        }
        List<PolicyRow> rows = new WhatIf(year, job.region(), false).compare(List.of(Scenario.today(),
                ChangedSettings.scenario(job.changes())));
        int requests = (int) year.demand().stream().filter(request -> !request.submittedAt().isBefore(
                year.yearStart()) && request.submittedAt().isBefore(year.yearEnd())).count();
        return new WhatIfOutcome(requests, job.seed(), from, end.minusDays(1), List.of(
                measures(Policy.TODAY, rows.get(0)), measures(Policy.WHAT_IF, rows.get(1))));
    }

    private static PolicyMeasures measures(Policy policy, PolicyRow row) {
        Measures m = row.measures();
        return new PolicyMeasures(policy, m.crisisRequests(), m.crisisPlacedInTime(), m.crisisInTimeShare(),
                m.crisisMedianMinutes(), m.crisisP90Minutes(), m.plannedRequests(), m.plannedBooked(),
                m.plannedNightsAsked(), m.plannedNightsBooked(), m.plannedNightsDisplaced(),
                m.protectedNightsToCrisis(), m.respiteMedianWaitDays(), m.respiteP90WaitDays(), m.acuteOccupancy(),
                m.respiteOccupancy(), m.offersDeclined(), m.offersExpired(), m.borderPlacements(),
                row.placedInTimeAll(), row.optimum(), row.optimumExact(), row.shareOfOptimum());
    }
}
