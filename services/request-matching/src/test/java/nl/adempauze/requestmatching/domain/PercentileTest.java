package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import nl.adempauze.platform.testing.PropertyRuns;
import org.junit.jupiter.api.Test;

class PercentileTest {

    @Test
    void noValuesHaveNoPercentile() {
        assertThat(Percentile.of(new double[0], 0.5)).isNull();
        assertThat(Percentile.of(new double[0], 0.9)).isNull();
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(Percentile.of(new double[] {42}, 0.5)).isEqualTo(42.0);
        assertThat(Percentile.of(new double[] {42}, 0.9)).isEqualTo(42.0);
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        assertThat(Percentile.of(new double[] {30, 10, 20}, 0.5)).isEqualTo(20.0);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Percentile.of(new double[] {40, 10, 30, 20}, 0.5)).isEqualTo(25.0);
        assertThat(Percentile.of(new double[] {10, 20}, 0.5)).isEqualTo(15.0);
    }

    @Test
    void theNinetiethPercentileInterpolatesBetweenTheClosestRanks() {
        // ten values 1..10: position 0.9 x 9 = 8.1, between 9 and 10
        assertThat(Percentile.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9)).isCloseTo(9.1, within(1e-9));
        // two values: position 0.9, nine tenths of the way from the first to the second
        assertThat(Percentile.of(new double[] {10, 20}, 0.9)).isCloseTo(19.0, within(1e-9));
        assertThat(Percentile.of(new double[] {5, 5, 5}, 0.9)).isEqualTo(5.0);
    }

    @Test
    void leavesTheValuesAsTheyWere() {
        double[] values = {3, 1, 2};
        Percentile.of(values, 0.5);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void refusesAPercentileOutsideZeroToOne() {
        assertThatThrownBy(() -> Percentile.of(new double[] {1}, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentile.of(new double[] {1}, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPercentileLiesBetweenTheSmallestAndLargestValueAndGrowsWithP() {
        PropertyRuns.forAllCases(1000, random -> {
            double[] values = new double[1 + random.nextInt(50)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(10_000) / 10.0;
            }
            return values;
        }, values -> {
            double min = Arrays.stream(values).min().orElseThrow();
            double max = Arrays.stream(values).max().orElseThrow();
            double median = Percentile.of(values, 0.5);
            double p90 = Percentile.of(values, 0.9);
            assertThat(median).isBetween(min, max);
            assertThat(p90).isBetween(median, max);
            assertThat(Percentile.of(values, 0.0)).isEqualTo(min);
            assertThat(Percentile.of(values, 1.0)).isEqualTo(max);
        });
    }
}
