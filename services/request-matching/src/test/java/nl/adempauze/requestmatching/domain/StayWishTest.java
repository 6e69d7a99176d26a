package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import nl.adempauze.requestmatching.domain.StayWish.Repeat;
import org.junit.jupiter.api.Test;

/** The shape of a stay asked for, by urgency, and the occurrences of a recurring one. */
class StayWishTest {

    private static final LocalDate FIRST = LocalDate.parse("2026-04-03");

    @Test
    void aPlannedRequestNeedsAStayDatedByItsFirstNight() {
        assertThat(StayWish.shapeViolation(null, Urgency.PLANNED, null)).get()
                .extracting(StayRules.Violation::field).isEqualTo("stay");
        assertThat(StayWish.shapeViolation(new StayWish(FIRST, 2, null, null, null), Urgency.PLANNED, Instant.EPOCH))
                .get().extracting(StayRules.Violation::field).isEqualTo("neededBy");
        assertThat(StayWish.shapeViolation(new StayWish(FIRST, 2, null, null, null), Urgency.PLANNED, null))
                .isEmpty();
    }

    @Test
    void aCrisisStayGivesOnlyItsNights() {
        assertThat(StayWish.shapeViolation(null, Urgency.CRISIS, Instant.EPOCH)).isEmpty();
        assertThat(StayWish.shapeViolation(new StayWish(null, 5, null, null, null), Urgency.CRISIS, null)).isEmpty();
        assertThat(StayWish.shapeViolation(new StayWish(FIRST, 5, null, null, null), Urgency.CRISIS, null)).get()
                .extracting(StayRules.Violation::field).isEqualTo("stay.firstNight");
    }

    @Test
    void aRecurringStayHasOneOccurrenceEachTime() {
        assertThat(new StayWish(FIRST, 2, 1, null, new Repeat(Repeat.Every.WEEK, 3)).occurrences(Urgency.PLANNED))
                .containsExactly(new Stay(FIRST, 2, 1, null), new Stay(FIRST.plusWeeks(1), 2, 1, null),
                        new Stay(FIRST.plusWeeks(2), 2, 1, null));
        assertThat(new StayWish(null, null, null, YearMonth.of(2026, 5), new Repeat(Repeat.Every.MONTH, 2))
                .occurrences(Urgency.PLANNED))
                .containsExactly(new Stay(null, 2, 0, YearMonth.of(2026, 5)),
                        new Stay(null, 2, 0, YearMonth.of(2026, 6)));
        assertThat(StayWish.NONE.occurrences(Urgency.CRISIS)).isEmpty();
    }
}
