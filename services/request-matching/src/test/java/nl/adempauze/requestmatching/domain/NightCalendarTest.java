package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import nl.adempauze.contracts.Nights;
import org.junit.jupiter.api.Test;

class NightCalendarTest {

    private static final LocalDate NIGHT = LocalDate.parse("2026-12-11");
    private static final CareTypeRule.Protection PROTECTION = new CareTypeRule.Protection(1, null, Duration.ofHours(48));
    private static final Instant WEEK_BEFORE = Nights.startOf(NIGHT).minus(Duration.ofDays(7));

    @Test
    void aPlannedStayTakesAnyAvailableBedIncludingProtectedOnes() {
        NightCalendar calendar = calendar(new NightCalendar.Beds(1, 1), new NightCalendar.Beds(2, 1));

        assertThat(calendar.fit(new StayDates(NIGHT, 2, 0), Urgency.PLANNED, PROTECTION, false, WEEK_BEFORE))
                .isEqualTo(NightCalendar.Fit.FITS);
    }

    @Test
    void aCrisisStayMayNotTakeAProtectedNightBeyondTheHorizonWithoutAnOverride() {
        NightCalendar calendar = calendar(new NightCalendar.Beds(2, 1), new NightCalendar.Beds(1, 1));
        StayDates twoNights = new StayDates(NIGHT, 2, 0);

        assertThat(calendar.fit(twoNights, Urgency.CRISIS, PROTECTION, false, WEEK_BEFORE))
                .isEqualTo(NightCalendar.Fit.PROTECTED);
        assertThat(calendar.fit(twoNights, Urgency.CRISIS, PROTECTION, true, WEEK_BEFORE))
                .isEqualTo(NightCalendar.Fit.FITS);
        // within 48 hours of the second night, no planned stay claimed it: use it or lose it
        Instant withinHorizon = Nights.startOf(NIGHT.plusDays(1)).minus(Duration.ofHours(47));
        assertThat(calendar.fit(twoNights, Urgency.CRISIS, PROTECTION, false, withinHorizon))
                .isEqualTo(NightCalendar.Fit.FITS);
    }

    @Test
    void aNightWithoutAnAvailableBedOrWithoutAFigureIsFull() {
        NightCalendar calendar = calendar(new NightCalendar.Beds(1, 0), new NightCalendar.Beds(0, 0));

        assertThat(calendar.fit(new StayDates(NIGHT, 2, 0), Urgency.PLANNED, null, false, WEEK_BEFORE))
                .isEqualTo(NightCalendar.Fit.FULL);
        assertThat(calendar.fit(new StayDates(NIGHT, 3, 0), Urgency.CRISIS, null, true, WEEK_BEFORE))
                .isEqualTo(NightCalendar.Fit.FULL);
    }

    private static NightCalendar calendar(NightCalendar.Beds first, NightCalendar.Beds second) {
        return new NightCalendar(Map.of(NIGHT, first, NIGHT.plusDays(1), second), WEEK_BEFORE);
    }
}
