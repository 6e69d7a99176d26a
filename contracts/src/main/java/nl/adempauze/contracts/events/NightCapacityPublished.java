package nl.adempauze.contracts.events;

import java.time.Instant;
import java.util.List;

/** A provider published free beds for future nights of one care type at one location (one bulk call). */
public record NightCapacityPublished(
        String locationId,
        String region,
        String careType,
        List<NightFigure> nights,
        Instant publishedAt) {
}
