package nl.adempauze.bedavailability.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stay to hold on the calendar: one bed on each of {@code nights} nights from {@code firstNight}. A planned stay
 * takes any available bed; a crisis stay is subject to the care type's protection rule, unless a coordinator
 * overrode it for this request.
 */
public record StayRequest(LocalDate firstNight, int nights, boolean planned, boolean protectionOverride) {

    public StayRequest {
        if (firstNight == null) {
            throw new IllegalArgumentException("firstNight is required");
        }
        if (nights < 1) {
            throw new IllegalArgumentException("A stay has at least one night");
        }
    }

    public LocalDate lastNight() {
        return firstNight.plusDays(nights - 1L);
    }

    /** The stay's nights, in order. */
    public List<LocalDate> dates() {
        return Stream.iterate(firstNight, night -> night.plusDays(1)).limit(nights).toList();
    }
}
