package nl.adempauze.simulator;

import static nl.adempauze.simulator.TinyRegion.ACUTE;
import static nl.adempauze.simulator.TinyRegion.RESPITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nl.adempauze.simulator.measure.MeasureBook;
import nl.adempauze.simulator.measure.Measures;
import nl.adempauze.simulator.optimum.HindsightOptimum;
import nl.adempauze.simulator.replay.ReplayResult;
import org.junit.jupiter.api.Test;

/** Cases worked out by hand: what the replay places, and what the hindsight optimum could have placed. */
class SmallCasesTest {

    @Test
    void twoBedsThreeCrisisRequestsAtOnce_twoArePlacedAndThatIsTheOptimum() {
        YearReplay year = new TinyRegion().beds(ACUTE, 2)
                .crisis(ACUTE, "2027-03-01T13:00", 3)
                .crisis(ACUTE, "2027-03-01T13:00", 3)
                .crisis(ACUTE, "2027-03-01T13:00", 3).year();

        ReplayResult result = year.replay(Scenario.today());
        Measures measures = MeasureBook.of(year.regions(Scenario.today()).get(TinyRegion.REGION), result);

        // the third finds both beds taken for three nights, longer than its 24 hours
        assertThat(measures.crisisRequests()).isEqualTo(3);
        assertThat(measures.crisisPlacedInTime()).isEqualTo(2);
        assertThat(HindsightOptimum.exact(year.hindsight(Scenario.today())).value()).isEqualTo(2);
        assertThat(HindsightOptimum.upperBound(year.hindsight(Scenario.today())).value()).isEqualTo(2);
    }

    @Test
    void oneBed_theFirstLongStayBlocksTwoShortOnes_greedyGetsHalfOfTheOptimum() {
        // A wants 5 nights from Monday; B (Tuesday) and C (Wednesday) one night each, each within 24 hours.
        // First come first served places A only; knowing all three, B on Tuesday and C on Wednesday fit.
        YearReplay year = new TinyRegion().beds(ACUTE, 1)
                .crisis(ACUTE, "2027-03-01T13:00", 5)
                .crisis(ACUTE, "2027-03-02T13:00", 1)
                .crisis(ACUTE, "2027-03-03T13:00", 1).year();

        ReplayResult result = year.replay(Scenario.today());
        HindsightOptimum.Result optimum = HindsightOptimum.exact(year.hindsight(Scenario.today()));

        assertThat(MeasureBook.placedInTime(result)).isEqualTo(1);
        assertThat(optimum.value()).isEqualTo(2);
        assertThat(optimum.exact()).isTrue();
    }

    @Test
    void aProtectedRespiteBedKeepsALongCrisisStayOut_andThePlannedStayGetsIt() {
        // one respite bed; a crisis stay of 7 nights from Monday, then a planned stay of Friday and Saturday
        TinyRegion protectedCase = new TinyRegion().beds(RESPITE, 1).protect(1, Duration.ofHours(48))
                .crisis(RESPITE, "2027-03-01T13:00", 7).planned("2027-03-01T14:00", "2027-03-05", 2);
        TinyRegion openCase = new TinyRegion().beds(RESPITE, 1)
                .crisis(RESPITE, "2027-03-01T13:00", 7).planned("2027-03-01T14:00", "2027-03-05", 2);

        Measures withProtection = measures(protectedCase.year());
        Measures without = measures(openCase.year());

        // protected: nights from Thursday are not yet released when the crisis asks, so it never fits
        assertThat(withProtection.plannedNightsDisplaced()).isZero();
        assertThat(withProtection.plannedBooked()).isEqualTo(1);
        assertThat(withProtection.crisisPlacedInTime()).isZero();
        // unprotected: the crisis takes all seven nights, the planned stay finds none
        assertThat(without.plannedNightsDisplaced()).isEqualTo(7);
        assertThat(without.plannedBooked()).isZero();
        assertThat(without.crisisPlacedInTime()).isEqualTo(1);
    }

    @Test
    void theHindsightBoundIsNeverBelowWhatAReplayPlaces() {
        YearReplay year = new TinyRegion().beds(ACUTE, 1).beds(RESPITE, 1).protect(1, Duration.ofHours(48))
                .crisis(ACUTE, "2027-03-01T13:00", 2).crisis(ACUTE, "2027-03-01T20:00", 1)
                .crisis(RESPITE, "2027-03-02T09:00", 3).planned("2027-03-01T10:00", "2027-03-03", 2)
                .planned("2027-03-02T10:00", "2027-03-06", 3).year();

        for (Scenario scenario : new Scenario[] {Scenario.today(), Scenario.noProtection(),
                Scenario.nearestFreeBed()}) {
            int placed = MeasureBook.placedInTime(year.replay(scenario));
            assertThat(HindsightOptimum.exact(year.hindsight(scenario)).value()).isGreaterThanOrEqualTo(placed);
            assertThat(HindsightOptimum.upperBound(year.hindsight(scenario)).value())
                    .isGreaterThanOrEqualTo(HindsightOptimum.exact(year.hindsight(scenario)).value());
        }
    }

    private static Measures measures(YearReplay year) {
        return MeasureBook.of(year.regions(Scenario.today()).get(TinyRegion.REGION), year.replay(Scenario.today()));
    }
}
