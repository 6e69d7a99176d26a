package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NightOccupancyTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 12, 10);
    private static final OccupancyPeriod PERIOD = new OccupancyPeriod(FIRST, FIRST.plusDays(2));
    private static final Instant PUBLISHED = Instant.parse("2026-11-22T08:00:00Z");

    private static NightCapacity night(LocalDate night, int free, int plannedHeld, int crisisHeld) {
        return new NightCapacity("loc-1", "WMO_LOGEER", night, free, plannedHeld, crisisHeld, 0, 0, 1, PUBLISHED,
                PUBLISHED);
    }

    @Test
    void nothingPublishedIsNothingKnown() {
        Occupancy occupancy = NightOccupancy.of(List.of(), PERIOD);

        assertThat(occupancy).isEqualTo(Occupancy.NONE);
        assertThat(occupancy.ratio()).isNull();
    }

    @Test
    void publishedFreeBedsAreKnownAndPlannedAndCrisisStaysTakeThem() {
        Occupancy occupancy = NightOccupancy.of(List.of(
                night(FIRST, 2, 1, 0), night(FIRST.plusDays(1), 2, 1, 1), night(FIRST.plusDays(2), 3, 0, 0)), PERIOD);

        assertThat(occupancy).isEqualTo(new Occupancy(3, 7));
        assertThat(occupancy.ratio()).isEqualTo(0.4286);
    }

    @Test
    void onlyTheNightsOfThePeriodCountOfRangesOverlappingItsEdges() {
        Occupancy occupancy = NightOccupancy.of(List.of(
                night(FIRST.minusDays(1), 5, 5, 0), night(FIRST, 2, 2, 0), night(FIRST.plusDays(2), 2, 0, 0),
                night(FIRST.plusDays(3), 4, 4, 0)), PERIOD);

        assertThat(occupancy).as("a night not published inside the period is not known either")
                .isEqualTo(new Occupancy(2, 4));
    }

    @Test
    void nightsPublishedWithNoFreeBedAreKnownButAddNothing() {
        assertThat(NightOccupancy.of(List.of(night(FIRST, 0, 0, 0)), PERIOD).ratio()).isNull();
        assertThat(NightOccupancy.of(List.of(night(FIRST, 0, 0, 0), night(FIRST.plusDays(1), 1, 0, 0)), PERIOD))
                .isEqualTo(new Occupancy(0, 1));
    }
}
