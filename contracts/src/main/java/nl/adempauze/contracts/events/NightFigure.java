package nl.adempauze.contracts.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The calendar capacity of one night (the night that starts on {@code night}): beds the provider published as
 * free, beds held or booked, beds still available, and of those the protected ones that a crisis stay may not take
 * before the protection rule releases them.
 */
public record NightFigure(LocalDate night, int freeBeds, int heldBeds, int availableBeds, int protectedBeds,
                          Instant publishedAt) {
}
