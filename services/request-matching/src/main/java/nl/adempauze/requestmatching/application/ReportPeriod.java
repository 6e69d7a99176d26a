package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import nl.adempauze.contracts.Nights;
import nl.adempauze.platform.domain.DomainException;

/**
 * The days a report covers, {@code first} to {@code last} inclusive (Dutch dates), and the instants between which
 * its events are counted. By default the last 30 days up to today; at most {@link #MAX_DAYS} days.
 */
public record ReportPeriod(LocalDate first, LocalDate last) {

    /** The longest period one report covers. */
    public static final int MAX_DAYS = 366;

    /** The period asked for, or 400 naming {@code from} or {@code to}. */
    public static ReportPeriod of(LocalDate from, LocalDate to, Clock clock) {
        LocalDate last = to != null ? to : clock.instant().atZone(Nights.ZONE).toLocalDate();
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last)) {
            throw DomainException.invalidField("from", "from must not be after to");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw DomainException.invalidField("to", "A report covers at most " + MAX_DAYS + " days");
        }
        return new ReportPeriod(first, last);
    }

    Instant start() {
        return first.atStartOfDay(Nights.ZONE).toInstant();
    }

    Instant end() {
        return last.plusDays(1).atStartOfDay(Nights.ZONE).toInstant();
    }
}
