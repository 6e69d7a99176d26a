package nl.adempauze.requestmatching.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stay asked for: for a planned stay a first night or a weekend month, the nights, optional flexibility and
 * recurrence; for a crisis stay only (optionally) its expected nights. All optional here; the rules decide.
 */
public record StayWish(LocalDate firstNight, Integer nights, Integer flexibleDays, YearMonth weekendIn,
                       Repeat repeat) {

    public static final StayWish NONE = new StayWish(null, null, null, null, null);

    /** A weekend stay is two nights (Friday and Saturday) unless said otherwise. */
    private static final int WEEKEND_NIGHTS = 2;

    /** A recurring stay: {@code times} occurrences, one every week or month. */
    public record Repeat(Every every, int times) {

        public enum Every { WEEK, MONTH }
    }

    /**
     * Which stay fields fit the urgency, before any rule is looked up: empty when the shape is right.
     * {@code given}: the stay asked for, or null; a planned stay's date is its first night, never {@code neededBy}.
     */
    public static Optional<StayRules.Violation> shapeViolation(StayWish given, Urgency urgency, Instant neededBy) {
        if (urgency != Urgency.PLANNED) {
            return Optional.ofNullable((given == null ? NONE : given).crisisShape());
        }
        if (given == null) {
            return Optional.of(new StayRules.Violation("stay", "A planned request needs a stay: firstNight (or"
                    + " weekendIn) and nights"));
        }
        return Optional.ofNullable(given.plannedShape(neededBy));
    }

    private StayRules.Violation plannedShape(Instant neededBy) {
        if ((firstNight == null) == (weekendIn == null)) {
            return new StayRules.Violation("stay.firstNight", "Give either firstNight or weekendIn");
        }
        if (nights == null && weekendIn == null) {
            return new StayRules.Violation("stay.nights", "nights is required for a planned stay");
        }
        if (weekendIn != null && flexibleDays != null && flexibleDays > 0) {
            return new StayRules.Violation("stay.flexibleDays", "A weekend stay is flexible within its month"
                    + " already; flexibleDays goes with firstNight");
        }
        if (weekendIn != null && repeat != null && repeat.every() != Repeat.Every.MONTH) {
            return new StayRules.Violation("stay.repeat.every", "A weekend in a month repeats every MONTH");
        }
        if (neededBy != null) {
            return new StayRules.Violation("neededBy", "A planned stay is dated by stay.firstNight, not neededBy");
        }
        return null;
    }

    private StayRules.Violation crisisShape() {
        if (firstNight != null || weekendIn != null) {
            return new StayRules.Violation(firstNight != null ? "stay.firstNight" : "stay.weekendIn",
                    "A crisis stay begins tonight; only its expected nights can be given");
        }
        if (flexibleDays != null || repeat != null) {
            return new StayRules.Violation(flexibleDays != null ? "stay.flexibleDays" : "stay.repeat",
                    "A crisis stay begins tonight; only its expected nights can be given");
        }
        return null;
    }

    /** A planned stay's occurrences (one unless it repeats); none for a crisis request. */
    public List<Stay> occurrences(Urgency urgency) {
        if (urgency != Urgency.PLANNED) {
            return List.of();
        }
        int times = repeat == null ? 1 : repeat.times();
        int flexibility = flexibleDays == null ? 0 : flexibleDays;
        List<Stay> stays = new ArrayList<>(times);
        for (int k = 0; k < times; k++) {
            if (weekendIn != null) {
                stays.add(new Stay(null, nights != null ? nights : WEEKEND_NIGHTS, 0, weekendIn.plusMonths(k)));
            } else {
                LocalDate first = repeat != null && repeat.every() == Repeat.Every.WEEK
                        ? firstNight.plusWeeks(k) : firstNight.plusMonths(k);
                stays.add(new Stay(first, nights, flexibility, null));
            }
        }
        return stays;
    }
}
