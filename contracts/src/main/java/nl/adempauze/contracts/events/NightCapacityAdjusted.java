package nl.adempauze.contracts.events;

import java.time.Instant;
import java.util.List;

/** Calendar nights changed by a hold's life: HOLD, RELEASE or DISCHARGE (an early discharge frees later nights). */
public record NightCapacityAdjusted(
        String locationId,
        String region,
        String careType,
        List<NightFigure> nights,
        String cause,
        Instant adjustedAt) {
}
