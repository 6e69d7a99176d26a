package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties of the calendar's stay rules: options of a stay, and the care type's limits on stay length. */
class StayPropertiesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    @Property
    void everyOptionKeepsTheLengthStaysWithinTheFlexibilityAndHasNotBegun(
            @ForAll @IntRange(min = -30, max = 400) int daysAhead, @ForAll @IntRange(min = 1, max = 30) int nights,
            @ForAll @IntRange(min = 0, max = 14) int flexibleDays, @ForAll @IntRange(min = 0, max = 40) int elapsed) {
        LocalDate wanted = TODAY.plusDays(daysAhead);
        LocalDate earliest = TODAY.plusDays(elapsed);
        Stay stay = new Stay(wanted, nights, flexibleDays, null);

        List<StayDates> options = stay.options(earliest);

        assertThat(new HashSet<>(options)).hasSameSizeAs(options);
        for (StayDates option : options) {
            assertThat(option.nights()).isEqualTo(nights);
            assertThat(option.firstNight()).isEqualTo(wanted.plusDays(option.shiftDays()));
            assertThat(Math.abs(option.shiftDays())).isLessThanOrEqualTo(flexibleDays);
            assertThat(option.firstNight()).isAfterOrEqualTo(earliest);
            assertThat(option.firstNight()).isBeforeOrEqualTo(stay.latestFirstNight());
            assertThat(option.eachNight().count()).isEqualTo(nights);
        }
        // closest first: shifts never grow smaller along the list
        for (int i = 1; i < options.size(); i++) {
            assertThat(Math.abs(options.get(i).shiftDays())).isGreaterThanOrEqualTo(Math.abs(options.get(i - 1)
                    .shiftDays()));
        }
        // nothing is lost: every start within the window that has not begun is an option
        long open = wanted.minusDays(flexibleDays).datesUntil(wanted.plusDays(flexibleDays + 1L))
                .filter(first -> !first.isBefore(earliest)).count();
        assertThat(options).hasSize((int) open);
    }

    @Property
    void aStayIsAcceptedExactlyWhenItsLengthIsWithinTheCareTypeLimits(
            @ForAll @IntRange(min = 1, max = 30) int minStay, @ForAll @IntRange(min = 0, max = 100) int extra,
            @ForAll @IntRange(min = 1, max = 400) int nights) {
        int maxStay = minStay + extra;
        CareTypeRule rule = new CareTypeRule("drenthe", "WMO_LOGEER", "Wmo logeerzorg", "WMO", Duration.ofMinutes(60),
                Duration.ofMinutes(2880), Duration.ofHours(168), true, minStay, maxStay, null);

        var violation = StayRules.check(rule, Urgency.PLANNED, nights, Stay.fixed(TODAY.plusDays(10), nights), TODAY);

        boolean allowed = nights >= minStay && nights <= maxStay;
        assertThat(violation.isEmpty()).isEqualTo(allowed);
        violation.ifPresent(broken -> assertThat(broken.field()).isEqualTo("stay.nights"));
    }

    @Property
    void aCareTypeClosedToPlannedBookingRefusesEveryPlannedStay(@ForAll @IntRange(min = 1, max = 14) int nights) {
        CareTypeRule wlzCrisis = new CareTypeRule("drenthe", "WLZ_CRISIS", "Wlz crisiszorg", "WLZ",
                Duration.ofMinutes(30), Duration.ofMinutes(1440), Duration.ofHours(24), false, 1, 14, null);

        assertThat(StayRules.check(wlzCrisis, Urgency.PLANNED, nights, Stay.fixed(TODAY.plusDays(3), nights), TODAY))
                .hasValueSatisfying(broken -> assertThat(broken.field()).isEqualTo("careType"));
        assertThat(StayRules.check(wlzCrisis, Urgency.CRISIS, nights, null, TODAY)).isEmpty();
    }
}
