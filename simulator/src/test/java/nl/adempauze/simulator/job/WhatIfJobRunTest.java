package nl.adempauze.simulator.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.seed.RegionSeed;
import nl.adempauze.contracts.whatif.PolicyMeasures;
import nl.adempauze.contracts.whatif.PolicyMeasures.Policy;
import nl.adempauze.contracts.whatif.TodaySettings;
import nl.adempauze.contracts.whatif.WhatIfJob;
import nl.adempauze.contracts.whatif.WhatIfOutcome;
import nl.adempauze.contracts.whatif.WhatIfSettings;
import nl.adempauze.simulator.Scenario;
import nl.adempauze.simulator.YearReplay;
import nl.adempauze.simulator.demand.DemandParameters;
import nl.adempauze.simulator.measure.MeasureBook;
import nl.adempauze.simulator.measure.Measures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A coordinator's what-if as the runner gets it from request-matching: the region's settings of today (which may
 * differ from its seed) are the replay's today, the changes are the what-if, over the months asked for.
 */
class WhatIfJobRunTest {

    private static final List<String> SEEDS = List.of("../seeds/drenthe.json", "../seeds/groningen.json");
    private static final long SEED = 11;

    @Test
    void todayAsTheSeedSetsItIsTheReplaysTodayAndNoChangeChangesNothing() {
        WhatIfOutcome outcome = WhatIfJobRun.run(job(seedSettings(), new WhatIfSettings(null, null, null, null,
                null, null, null)));

        assertThat(outcome.rows()).extracting(PolicyMeasures::policy).containsExactly(Policy.TODAY, Policy.WHAT_IF);
        assertThat(outcome.from()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(outcome.to()).isEqualTo(LocalDate.of(2027, 1, 31));
        Measures direct = directReplay(Scenario.today());
        PolicyMeasures today = outcome.rows().get(0);
        assertThat(today.crisisRequests()).isEqualTo(direct.crisisRequests()).isPositive();
        assertThat(today.crisisPlacedInTime()).isEqualTo(direct.crisisPlacedInTime());
        assertThat(today.plannedNightsDisplaced()).isEqualTo(direct.plannedNightsDisplaced());
        assertThat(today.plannedNightsBooked()).isEqualTo(direct.plannedNightsBooked());
        assertThat(outcome.rows().get(1)).usingRecursiveComparison().ignoringFields("policy").isEqualTo(today);
        assertThat(today.shareOfOptimum()).isBetween(0.0, 1.0);
    }

    @Test
    void anAdministratorsChangeSinceTheSeedCountsInToday() {
        TodaySettings withoutProtection = new TodaySettings(seedSettings().careTypes().stream()
                .map(type -> new TodaySettings.CareType(type.code(), type.name(), type.fundingStream(),
                        type.crisisResponseMinutes(), type.plannedResponseMinutes(), type.admissionDeadlineHours(),
                        type.plannedBooking(), type.minStayNights(), type.maxStayNights(), null, null, null))
                .toList(), seedSettings().neighbours());

        PolicyMeasures today = WhatIfJobRun.run(job(withoutProtection, new WhatIfSettings(null, null, null, null,
                null, null, null))).rows().get(0);

        Measures unprotected = directReplay(Scenario.noProtection());
        assertThat(today.protectedNightsToCrisis()).isZero();
        assertThat(today.plannedNightsDisplaced()).isEqualTo(unprotected.plannedNightsDisplaced());
        assertThat(today.crisisPlacedInTime()).isEqualTo(unprotected.crisisPlacedInTime());
    }

    @Test
    void theChangedSettingsAreTheWhatIfLine() {
        WhatIfSettings noProtection = new WhatIfSettings(List.of(
                new WhatIfSettings.Protection("WLZ_LOGEER", null, null),
                new WhatIfSettings.Protection("WMO_LOGEER", null, null)), null, null, null, null, null, null);

        PolicyMeasures whatIf = WhatIfJobRun.run(job(seedSettings(), noProtection)).rows().get(1);

        Measures unprotected = directReplay(Scenario.noProtection());
        assertThat(whatIf.protectedNightsToCrisis()).isZero();
        assertThat(whatIf.plannedNightsDisplaced()).isEqualTo(unprotected.plannedNightsDisplaced());
        assertThat(whatIf.crisisPlacedInTime()).isEqualTo(unprotected.crisisPlacedInTime());
    }

    @Test
    void aRegionNoSeedFileLaysOutCannotBeReplayed() {
        WhatIfJob job = new WhatIfJob("friesland", SEEDS, SEED, 1, seedSettings(), new WhatIfSettings(null, null,
                null, null, null, null, null));

        assertThatThrownBy(() -> WhatIfJobRun.run(job)).isInstanceOf(WhatIfJobRun.NoSuchRegion.class);
    }

    @Test
    void theJobAndItsOutcomeTravelAsJson() {
        JsonMapper json = JsonMapper.builder().build();
        WhatIfJob job = job(seedSettings(), new WhatIfSettings(List.of(new WhatIfSettings.Protection("WLZ_LOGEER",
                2, null)), 24, 30, null, List.of(new WhatIfSettings.ExtraBeds("loc-assen-de-linde", "ELV_HOOG", 1)),
                false, 1));

        assertThat(json.readValue(json.writeValueAsString(job), WhatIfJob.class)).isEqualTo(job);
        WhatIfOutcome outcome = WhatIfJobRun.run(job);
        assertThat(json.readValue(json.writeValueAsString(outcome), WhatIfOutcome.class)).isEqualTo(outcome);
    }

    private static WhatIfJob job(TodaySettings today, WhatIfSettings changes) {
        return new WhatIfJob("drenthe", SEEDS, SEED, 1, today, changes);
    }

    /** Drenthe's settings as its seed file sets them: what a region that nobody changed has today. */
    private static TodaySettings seedSettings() {
        RegionSeed seed = RegionSeed.read(SEEDS.get(0));
        return new TodaySettings(seed.careTypes().stream().map(type -> new TodaySettings.CareType(type.code(),
                type.name(), type.fundingStream(), type.offerResponseMinutes().get("CRISIS"),
                type.offerResponseMinutes().get("PLANNED"), type.admissionDeadlineHours(), type.plannedBooking(),
                type.minStayNights(), type.maxStayNights(),
                type.protection() == null ? null : type.protection().protectedBeds(),
                type.protection() == null ? null : type.protection().protectedShare(),
                type.protection() == null ? null : type.protection().releaseHorizonHours())).toList(),
                seed.region().neighbours());
    }

    /** January 2027 replayed straight from the seed files, as the headline table does. */
    private static Measures directReplay(Scenario scenario) {
        YearReplay year = YearReplay.fromSeeds(SEEDS.stream().map(java.nio.file.Path::of).toList(),
                DemandParameters.drenthe(), SEED, LocalDate.of(2027, 1, 1).atStartOfDay(Nights.ZONE).toInstant(),
                LocalDate.of(2027, 2, 1).atStartOfDay(Nights.ZONE).toInstant(), YearReplay.WARM_UP);
        return MeasureBook.of(year.regions(scenario).get("drenthe"), year.replay(scenario));
    }

}
