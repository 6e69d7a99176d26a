package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import nl.adempauze.platform.testing.PropertyRuns;
import org.junit.jupiter.api.Test;

/** Properties of the calendar's stay rules: options of a stay, and the care type's limits on stay length. */
class StayPropertiesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final int TRIES = 1000;

    private record Wish(int daysAhead, int nights, int flexibleDays, int elapsed) {
    }

    @Test
    void everyOptionKeepsTheLengthStaysWithinTheFlexibilityAndHasNotBegun() {
        PropertyRuns.forAllCases(TRIES, random -> new Wish(random.nextInt(431) - 30, 1 + random.nextInt(30),
                random.nextInt(15), random.nextInt(41)), wish -> {
            LocalDate wanted = TODAY.plusDays(wish.daysAhead());
            LocalDate earliest = TODAY.plusDays(wish.elapsed());
            Stay stay = new Stay(wanted, wish.nights(), wish.flexibleDays(), null);

            List<StayDates> options = stay.options(earliest);

            assertThat(new HashSet<>(options)).hasSameSizeAs(options);
            for (StayDates option : options) {
                assertThat(option.nights()).isEqualTo(wish.nights());
                assertThat(option.firstNight()).isEqualTo(wanted.plusDays(option.shiftDays()));
                assertThat(Math.abs(option.shiftDays())).isLessThanOrEqualTo(wish.flexibleDays());
                assertThat(option.firstNight()).isAfterOrEqualTo(earliest);
                assertThat(option.firstNight()).isBeforeOrEqualTo(stay.latestFirstNight());
                assertThat(option.eachNight().count()).isEqualTo(wish.nights());
            }
            // closest first: shifts never grow smaller along the list
            for (int i = 1; i < options.size(); i++) {
                assertThat(Math.abs(options.get(i).shiftDays()))
                        .isGreaterThanOrEqualTo(Math.abs(options.get(i - 1).shiftDays()));
            }
            // nothing is lost: every start within the window that has not begun is an option
            long open = wanted.minusDays(wish.flexibleDays()).datesUntil(wanted.plusDays(wish.flexibleDays() + 1L))
                    .filter(first -> !first.isBefore(earliest)).count();
            assertThat(options).hasSize((int) open);
        });
    }

    private record Limits(int minStay, int maxStay, int nights) {
    }

    @Test
    void aStayIsAcceptedExactlyWhenItsLengthIsWithinTheCareTypeLimits() {
        PropertyRuns.forAllCases(TRIES, random -> {
            int minStay = 1 + random.nextInt(30);
            return new Limits(minStay, minStay + random.nextInt(101), 1 + random.nextInt(400));
        }, limits -> {
            CareTypeRule rule = new CareTypeRule("drenthe", "WMO_LOGEER", "Wmo logeerzorg", "WMO",
                    Duration.ofMinutes(60), Duration.ofMinutes(2880), Duration.ofHours(168), true, limits.minStay(),
                    limits.maxStay(), null);

            var violation = StayRules.check(rule, Urgency.PLANNED, limits.nights(),
                    Stay.fixed(TODAY.plusDays(10), limits.nights()), TODAY);

            boolean allowed = limits.nights() >= limits.minStay() && limits.nights() <= limits.maxStay();
            assertThat(violation.isEmpty()).isEqualTo(allowed);
            violation.ifPresent(broken -> assertThat(broken.field()).isEqualTo("stay.nights"));
        });
    }

    @Test
    void aCareTypeClosedToPlannedBookingRefusesEveryPlannedStay() {
        CareTypeRule wlzCrisis = new CareTypeRule("drenthe", "WLZ_CRISIS", "Wlz crisiszorg", "WLZ",
                Duration.ofMinutes(30), Duration.ofMinutes(1440), Duration.ofHours(24), false, 1, 14, null);
        PropertyRuns.forAllCases(100, random -> 1 + random.nextInt(14), nights -> {
            assertThat(StayRules.check(wlzCrisis, Urgency.PLANNED, nights, Stay.fixed(TODAY.plusDays(3), nights),
                    TODAY)).hasValueSatisfying(broken -> assertThat(broken.field()).isEqualTo("careType"));
            assertThat(StayRules.check(wlzCrisis, Urgency.CRISIS, nights, null, TODAY)).isEmpty();
        });
    }
}
