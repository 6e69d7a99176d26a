package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OccupancyTest {

    @Test
    void nothingKnownHasNoOccupancyRatherThanZero() {
        assertThat(Occupancy.NONE.ratio()).isNull();
        assertThat(new Occupancy(0, 4).ratio()).isZero();
    }

    @Test
    void theRatioIsTakenOverKnownRoundedToFourDecimals() {
        assertThat(new Occupancy(2, 3).ratio()).isEqualTo(0.6667);
        assertThat(new Occupancy(1, 8).ratio()).isEqualTo(0.125);
        assertThat(new Occupancy(5, 5).ratio()).isEqualTo(1.0);
    }

    @Test
    void sumsAddTakenAndKnownNotRatios() {
        assertThat(new Occupancy(1, 1).plus(new Occupancy(0, 3))).isEqualTo(new Occupancy(1, 4));
        assertThat(new Occupancy(1, 1).plus(new Occupancy(0, 3)).ratio()).isEqualTo(0.25);
        assertThat(Occupancy.NONE.plus(Occupancy.NONE)).isEqualTo(Occupancy.NONE);
    }

    @Test
    void moreTakenThanKnownOrNegativeIsAMistake() {
        assertThatThrownBy(() -> new Occupancy(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Occupancy(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
