package nl.adempauze.bedavailability.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.adempauze.platform.domain.DomainException;

/**
 * The nights an occupancy report covers: the night of {@code from} up to and including the night of {@code to}
 * (the night of D runs from D 12:00 to D+1 12:00 Dutch time).
 */
public record OccupancyPeriod(LocalDate from, LocalDate to) {

    /** The longest period, in days between {@code from} and {@code to}, as the coordinator's other figures. */
    public static final int MAX_DAYS = 366;
    /** Without {@code from}: this many days before {@code to}, so the default period is 30 nights. */
    public static final int DEFAULT_DAYS_BEFORE = 29;

    public OccupancyPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /**
     * The period the query asks for: {@code to} defaults to today, {@code from} to 29 days before {@code to}; a
     * date that is not yyyy-mm-dd, {@code from} after {@code to} (400 on {@code from}) or more than 366 days
     * between them (400 on {@code to}) is refused.
     */
    public static OccupancyPeriod of(String from, String to, LocalDate today) {
        LocalDate last = to == null ? today : date("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS_BEFORE) : date("from", from);
        if (first.isAfter(last)) {
            throw DomainException.invalidField("from", "from (" + first + ") must not be after to (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) > MAX_DAYS) {
            throw DomainException.invalidField("to", "A period covers at most " + MAX_DAYS + " days between from and to");
        }
        return new OccupancyPeriod(first, last);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField(field, field + " must be a date (yyyy-mm-dd), not '" + value + "'");
        }
    }

    public boolean contains(LocalDate night) {
        return !night.isBefore(from) && !night.isAfter(to);
    }

    public List<LocalDate> nights() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
