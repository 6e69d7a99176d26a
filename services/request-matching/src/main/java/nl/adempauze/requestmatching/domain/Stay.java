package nl.adempauze.requestmatching.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The stay a request asks for on the calendar: a wanted first night and number of nights, optionally any start
 * within {@code flexibleDays} either side, or any weekend (Friday-night start) in a month.
 */
public record Stay(LocalDate firstNight, int nights, int flexibleDays, YearMonth weekendIn) {

    public Stay {
        if (nights < 1) {
            throw new IllegalArgumentException("A stay has at least one night");
        }
        if ((firstNight == null) == (weekendIn == null)) {
            throw new IllegalArgumentException("A stay has either a first night or a weekend month");
        }
        if (flexibleDays < 0) {
            throw new IllegalArgumentException("Flexibility cannot be negative");
        }
    }

    public static Stay fixed(LocalDate firstNight, int nights) {
        return new Stay(firstNight, nights, 0, null);
    }

    /**
     * The dates this stay may take, most wanted first: the wanted dates, then one day later, one day earlier, two
     * days later, ...; for a weekend month, each Friday in date order. Dates starting before {@code earliest} are left
     * out: a night that has begun cannot be planned.
     */
    public List<StayDates> options(LocalDate earliest) {
        List<StayDates> options = new ArrayList<>();
        if (weekendIn != null) {
            for (LocalDate friday = weekendIn.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
                 YearMonth.from(friday).equals(weekendIn); friday = friday.plusWeeks(1)) {
                addIfFrom(options, new StayDates(friday, nights, 0), earliest);
            }
            return options;
        }
        addIfFrom(options, new StayDates(firstNight, nights, 0), earliest);
        for (int shift = 1; shift <= flexibleDays; shift++) {
            addIfFrom(options, new StayDates(firstNight.plusDays(shift), nights, shift), earliest);
            addIfFrom(options, new StayDates(firstNight.minusDays(shift), nights, -shift), earliest);
        }
        return options;
    }

    /** The last first night this stay can still start on; after it, the stay can no longer be given. */
    public LocalDate latestFirstNight() {
        if (weekendIn != null) {
            return weekendIn.atEndOfMonth().with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        }
        return firstNight.plusDays(flexibleDays);
    }

    /** The first night of the earliest option, for display and ordering. */
    public LocalDate earliestFirstNight() {
        if (weekendIn != null) {
            return weekendIn.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        }
        return firstNight.minusDays(flexibleDays);
    }

    private static void addIfFrom(List<StayDates> options, StayDates dates, LocalDate earliest) {
        if (!dates.firstNight().isBefore(earliest)) {
            options.add(dates);
        }
    }
}
