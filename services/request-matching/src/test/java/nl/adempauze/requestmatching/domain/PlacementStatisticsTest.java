package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.adempauze.contracts.Nights;
import org.junit.jupiter.api.Test;

class PlacementStatisticsTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void noPlacementsHaveNoTimesAndNoShare() {
        PlacementStatistics none = PlacementStatistics.of(List.of());

        assertThat(none.count()).isZero();
        assertThat(none.medianMinutes()).isNull();
        assertThat(none.p90Minutes()).isNull();
        assertThat(none.withinTarget()).isZero();
        assertThat(none.withinTargetShare()).isNull();
    }

    @Test
    void onePlacementIsItsOwnMedianAndNinetiethPercentile() {
        PlacementStatistics one = PlacementStatistics.of(List.of(crisis(45, 24 * 60)));

        assertThat(one.count()).isEqualTo(1);
        assertThat(one.medianMinutes()).isEqualTo(45.0);
        assertThat(one.p90Minutes()).isEqualTo(45.0);
        assertThat(one.withinTarget()).isEqualTo(1);
        assertThat(one.withinTargetShare()).isEqualTo(1.0);
    }

    @Test
    void anEvenCountHasTheMeanOfTheMiddleTwoAsMedianAndCountsWhoWasInTime() {
        PlacementStatistics four = PlacementStatistics.of(List.of(crisis(10, 60), crisis(40, 60), crisis(20, 60),
                crisis(90, 60)));

        assertThat(four.count()).isEqualTo(4);
        assertThat(four.medianMinutes()).isEqualTo(30.0);
        // position 0.9 x 3 = 2.7: 40 + 0.7 x (90 - 40)
        assertThat(four.p90Minutes()).isCloseTo(75.0, within(1e-9));
        assertThat(four.withinTarget()).isEqualTo(3);
        assertThat(four.withinTargetShare()).isEqualTo(0.75);
    }

    @Test
    void partsOfAMinuteAreKept() {
        Placement placement = new Placement(Urgency.CRISIS, "ELV_HOOG", SUBMITTED, SUBMITTED.plusSeconds(90),
                SUBMITTED.plus(Duration.ofHours(24)), null);

        assertThat(PlacementStatistics.of(List.of(placement)).medianMinutes()).isEqualTo(1.5);
    }

    @Test
    void aCrisisPlacementIsInTimeUpToAndIncludingItsNeededByTime() {
        assertThat(PlacementTarget.met(crisis(60, 60))).isTrue();
        assertThat(PlacementTarget.met(crisis(59, 60))).isTrue();
        assertThat(PlacementTarget.met(crisis(61, 60))).isFalse();
    }

    @Test
    void aPlannedStayIsInTimeWhenBookedBeforeItsFirstNightBegins() {
        LocalDate firstNight = LocalDate.of(2026, 12, 11);
        // the night of 11 December begins at 12:00 Dutch time (11:00 UTC in winter)
        Instant nightBegins = Instant.parse("2026-12-11T11:00:00Z");

        assertThat(PlacementTarget.met(planned(nightBegins.minusSeconds(1), firstNight))).isTrue();
        assertThat(PlacementTarget.met(planned(nightBegins, firstNight))).isFalse();
        assertThat(PlacementTarget.met(planned(nightBegins.plus(Duration.ofHours(3)), firstNight))).isFalse();
        assertThat(PlacementTarget.deadline(planned(nightBegins, firstNight))).isEqualTo(nightBegins);
    }

    @Test
    void withoutADeadlineAPlacementIsNotCountedInTime() {
        assertThat(PlacementTarget.met(new Placement(Urgency.CRISIS, "ELV_HOOG", SUBMITTED, SUBMITTED.plusSeconds(60),
                null, null))).isFalse();
    }

    private static Placement crisis(int minutesToPlacement, int minutesToNeededBy) {
        return new Placement(Urgency.CRISIS, "ELV_HOOG", SUBMITTED, SUBMITTED.plus(Duration.ofMinutes(
                minutesToPlacement)), SUBMITTED.plus(Duration.ofMinutes(minutesToNeededBy)), null);
    }

    private static Placement planned(Instant bookedAt, LocalDate firstNight) {
        return new Placement(Urgency.PLANNED, "WMO_LOGEER", SUBMITTED, bookedAt,
                Nights.startOf(firstNight.plusDays(3)), firstNight);
    }
}
