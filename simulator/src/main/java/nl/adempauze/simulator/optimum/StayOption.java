package nl.adempauze.simulator.optimum;

import java.time.LocalDate;

/** One way the hindsight optimum may place a request: a bed of {@code pool} on {@code nights} nights from {@code firstNight}. */
public record StayOption(String pool, LocalDate firstNight, int nights) {
}
