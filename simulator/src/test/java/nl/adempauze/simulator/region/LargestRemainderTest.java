package nl.adempauze.simulator.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void partsAreWholeAddUpAndFollowTheWeights() {
        // 10 x (3, 2, 1) / 6 = 5, 3.33, 1.67: the largest remainder (0.67) gets the last one
        assertThat(LargestRemainder.split(10, new double[] {3, 2, 1})).containsExactly(5, 3, 2);
        assertThat(LargestRemainder.split(0, new double[] {1, 1})).containsExactly(0, 0);
        assertThat(LargestRemainder.split(3, new double[] {1, 1, 1, 1})).containsExactly(1, 1, 1, 0);
    }
}
