package nl.adempauze.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * What a "night" in the events means. The night of date D runs from D 12:00 to D+1 12:00 in Dutch time: a stay
 * that begins on D and ends the next morning uses the night of D, and an admission at 02:00 on D+1 still falls in
 * the night of D. Both services use this, so "tonight" and a release horizon mean the same everywhere.
 */
public final class Nights {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    public static final LocalTime TURNOVER = LocalTime.NOON;

    private Nights() {
    }

    /** The night that is running at {@code at}. */
    public static LocalDate nightOf(Instant at) {
        var local = at.atZone(ZONE);
        return local.toLocalTime().isBefore(TURNOVER) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    /** When the night of {@code night} begins (12:00 Dutch time on that date). */
    public static Instant startOf(LocalDate night) {
        return night.atTime(TURNOVER).atZone(ZONE).toInstant();
    }
}
