package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class StayTest {

    private static final LocalDate WANTED = LocalDate.parse("2026-12-11");

    @Test
    void theWantedDatesComeFirstThenTheClosestShiftsLaterBeforeEarlier() {
        List<StayDates> options = new Stay(WANTED, 3, 2, null).options(LocalDate.parse("2026-11-22"));

        assertThat(options).extracting(StayDates::firstNight).containsExactly(WANTED, WANTED.plusDays(1),
                WANTED.minusDays(1), WANTED.plusDays(2), WANTED.minusDays(2));
        assertThat(options).extracting(StayDates::shiftDays).containsExactly(0, 1, -1, 2, -2);
        assertThat(options.get(0).lastNight()).isEqualTo(LocalDate.parse("2026-12-13"));
    }

    @Test
    void datesThatHaveBegunAreNoLongerOptions() {
        List<StayDates> options = new Stay(WANTED, 3, 2, null).options(WANTED);

        assertThat(options).extracting(StayDates::firstNight).containsExactly(WANTED, WANTED.plusDays(1),
                WANTED.plusDays(2));
    }

    @Test
    void anyWeekendInAMonthMeansEveryFridayNightStartInIt() {
        Stay weekend = new Stay(null, 2, 0, YearMonth.parse("2027-01"));

        List<StayDates> options = weekend.options(LocalDate.parse("2026-11-22"));

        assertThat(options).extracting(StayDates::firstNight).containsExactly(LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-01-08"), LocalDate.parse("2027-01-15"), LocalDate.parse("2027-01-22"),
                LocalDate.parse("2027-01-29"));
        assertThat(options).allSatisfy(dates -> assertThat(dates.firstNight().getDayOfWeek())
                .isEqualTo(DayOfWeek.FRIDAY));
        assertThat(weekend.latestFirstNight()).isEqualTo(LocalDate.parse("2027-01-29"));
    }

    @Test
    void theLastPossibleFirstNightIncludesTheFlexibility() {
        assertThat(new Stay(WANTED, 3, 4, null).latestFirstNight()).isEqualTo(WANTED.plusDays(4));
        assertThat(Stay.fixed(WANTED, 3).latestFirstNight()).isEqualTo(WANTED);
    }

    @Test
    void aShiftedStayExplainsHowFarItMoved() {
        assertThat(new StayDates(WANTED, 3, 0).describe()).isEqualTo("3 nights from Fri 11 Dec 2026");
        assertThat(new StayDates(WANTED.plusDays(1), 1, 1).describe())
                .isEqualTo("1 night from Sat 12 Dec 2026 (+1 day from the wanted dates)");
    }
}
