package nl.adempauze.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.adempauze.simulator.demand.DemandParameters;
import nl.adempauze.simulator.measure.MeasureBook;
import nl.adempauze.simulator.measure.Measures;
import nl.adempauze.simulator.replay.ReplayResult;
import org.junit.jupiter.api.Test;

/** Four weeks of the seed regions: a seed fixes the replay, another seed gives another one. */
class SeededYearTest {

    private static final List<Path> SEEDS = List.of(Path.of("../seeds/drenthe.json"),
            Path.of("../seeds/groningen.json"));

    @Test
    void theSameSeedGivesTheSameReplayTwice() {
        ReplayResult first = fourWeeks(7).replay(Scenario.today());
        ReplayResult second = fourWeeks(7).replay(Scenario.today());

        assertThat(second.outcomes()).isEqualTo(first.outcomes());
        assertThat(second.declinedByRegion()).isEqualTo(first.declinedByRegion());
        assertThat(second.bedNightsUsed()).isEqualTo(first.bedNightsUsed());
    }

    @Test
    void anotherSeedGivesOtherDemandAndOtherMeasures() {
        YearReplay seven = fourWeeks(7);
        YearReplay eight = fourWeeks(8);

        assertThat(eight.demand()).isNotEqualTo(seven.demand());
        assertThat(measures(eight)).isNotEqualTo(measures(seven));
    }

    @Test
    void theReplayPlacesMostOfFourWeeksAndNeverMoreThanItsRequests() {
        YearReplay year = fourWeeks(7);
        Measures measures = measures(year);

        assertThat(measures.crisisRequests()).isGreaterThan(100);
        assertThat(measures.crisisPlacedInTime()).isBetween(measures.crisisRequests() / 2,
                measures.crisisRequests());
        assertThat(measures.plannedBooked()).isBetween(1, measures.plannedRequests());
    }

    private static Measures measures(YearReplay year) {
        return MeasureBook.of(year.regions(Scenario.today()).get("drenthe"), year.replay(Scenario.today()));
    }

    private static YearReplay fourWeeks(long seed) {
        return YearReplay.fromSeeds(SEEDS, DemandParameters.drenthe(), seed, TinyRegion.moment("2027-03-01T00:00"),
                TinyRegion.moment("2027-03-29T00:00"), Duration.ofDays(7));
    }
}
