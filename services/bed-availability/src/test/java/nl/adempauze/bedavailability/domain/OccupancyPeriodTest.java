package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.adempauze.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class OccupancyPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    @Test
    void withoutDatesTheThirtyNightsUpToToday() {
        OccupancyPeriod period = OccupancyPeriod.of(null, null, TODAY);

        assertThat(period).isEqualTo(new OccupancyPeriod(LocalDate.of(2026, 3, 2), TODAY));
        assertThat(period.nights()).hasSize(30).startsWith(LocalDate.of(2026, 3, 2)).endsWith(TODAY);
    }

    @Test
    void withOnlyToTheThirtyNightsUpToIt() {
        assertThat(OccupancyPeriod.of(null, "2026-12-31", TODAY))
                .isEqualTo(new OccupancyPeriod(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void oneNightAndTheLongestPeriodAreAllowed() {
        assertThat(OccupancyPeriod.of("2026-03-31", "2026-03-31", TODAY).nights()).containsExactly(TODAY);
        assertThat(OccupancyPeriod.of("2025-03-30", "2026-03-31", TODAY).nights()).hasSize(367);
    }

    @Test
    void fromAfterToIsRefusedOnFrom() {
        assertRefusedOn("from", () -> OccupancyPeriod.of("2026-04-01", "2026-03-31", TODAY));
        assertRefusedOn("from", () -> OccupancyPeriod.of("2026-04-01", null, TODAY));
    }

    @Test
    void moreThan366DaysIsRefusedOnTo() {
        assertRefusedOn("to", () -> OccupancyPeriod.of("2025-03-29", "2026-03-31", TODAY));
    }

    @Test
    void aDateThatIsNotADateIsRefusedNamingIt() {
        assertRefusedOn("from", () -> OccupancyPeriod.of("31-03-2026", null, TODAY));
        assertRefusedOn("to", () -> OccupancyPeriod.of(null, "2026-02-30", TODAY));
    }

    @Test
    void containsItsFirstAndLastNight() {
        OccupancyPeriod period = new OccupancyPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3));

        assertThat(period.contains(LocalDate.of(2026, 2, 28))).isFalse();
        assertThat(period.contains(LocalDate.of(2026, 3, 1))).isTrue();
        assertThat(period.contains(LocalDate.of(2026, 3, 3))).isTrue();
        assertThat(period.contains(LocalDate.of(2026, 3, 4))).isFalse();
    }

    private static void assertRefusedOn(String field, Runnable query) {
        assertThatThrownBy(query::run).isInstanceOfSatisfying(DomainException.class, problem -> {
            assertThat(problem.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(problem.field()).isEqualTo(field);
        });
    }
}
