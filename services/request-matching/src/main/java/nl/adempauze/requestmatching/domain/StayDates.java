package nl.adempauze.requestmatching.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Stream;

/** Concrete nights of a stay: {@code nights} nights from {@code firstNight}, shifted from the wanted dates by
 * {@code shiftDays} (0 for the wanted dates themselves). */
public record StayDates(LocalDate firstNight, int nights, int shiftDays) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    public StayDates {
        if (nights < 1) {
            throw new IllegalArgumentException("A stay has at least one night");
        }
    }

    public LocalDate lastNight() {
        return firstNight.plusDays(nights - 1L);
    }

    public Stream<LocalDate> eachNight() {
        return firstNight.datesUntil(firstNight.plusDays(nights));
    }

    public String describe() {
        String span = nights + (nights == 1 ? " night" : " nights") + " from " + DAY.format(firstNight);
        if (shiftDays == 0) {
            return span;
        }
        return span + " (" + (shiftDays > 0 ? "+" : "") + shiftDays + (Math.abs(shiftDays) == 1 ? " day" : " days")
                + " from the wanted dates)";
    }
}
