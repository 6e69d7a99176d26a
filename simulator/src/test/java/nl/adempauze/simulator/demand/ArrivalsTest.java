package nl.adempauze.simulator.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import nl.adempauze.contracts.Nights;
import nl.adempauze.simulator.TinyRegion;
import org.junit.jupiter.api.Test;

class ArrivalsTest {

    private static final Instant FROM = TinyRegion.moment("2027-01-01T00:00");
    private static final Instant TO = TinyRegion.moment("2028-01-01T00:00");

    @Test
    void aYearHasAboutTheYearlyRate() {
        DemandParameters drenthe = DemandParameters.drenthe();
        List<Instant> arrivals = new Arrivals(drenthe.crisisByHour(), drenthe.crisisByWeekday())
                .between(FROM, TO, 10_000, new SplittableRandom(1));

        // Poisson: standard deviation 100, so 9,700 to 10,300 is three of them either way
        assertThat(arrivals).hasSizeBetween(9_700, 10_300);
        assertThat(arrivals).isSorted().allMatch(at -> !at.isBefore(FROM) && at.isBefore(TO));
    }

    @Test
    void theRateFollowsTheHourOfTheDay() {
        DemandParameters drenthe = DemandParameters.drenthe();
        List<Instant> arrivals = new Arrivals(drenthe.crisisByHour(), drenthe.crisisByWeekday())
                .between(FROM, TO, 10_000, new SplittableRandom(1));

        long atTen = arrivals.stream().filter(at -> at.atZone(Nights.ZONE).getHour() == 10).count();
        long atThree = arrivals.stream().filter(at -> at.atZone(Nights.ZONE).getHour() == 3).count();
        // weights 1.7 and 0.2: about 8.5 times as many
        assertThat(atTen).isGreaterThan(6 * atThree);
    }

    @Test
    void noWeightsNoArrivals() {
        double[] none = new double[24];
        assertThat(new Arrivals(none, new double[7]).between(FROM, TO, 1_000, new SplittableRandom(1))).isEmpty();
    }
}
