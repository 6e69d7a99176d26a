package nl.adempauze.contracts.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Matching chose a bed for an offer and asked bed-availability to hold it. Without {@code firstNight} one bed is
 * held from the location's free-now capacity; with it, one bed on each of {@code nights} nights of the calendar
 * from {@code firstNight}. Bed-availability applies the region's protection rule to crisis holds on the calendar;
 * {@code protectionOverride} says a coordinator allowed this crisis request to take protected nights.
 */
public record HoldRequested(
        String offerId,
        String requestId,
        String region,
        String locationId,
        String careType,
        String urgency,
        LocalDate firstNight,
        Integer nights,
        boolean protectionOverride,
        Instant requestedAt) {
}
