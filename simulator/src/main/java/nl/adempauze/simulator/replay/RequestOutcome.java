package nl.adempauze.simulator.replay;

import nl.adempauze.requestmatching.domain.Placement;
import nl.adempauze.simulator.demand.GeneratedRequest;

/**
 * What became of one request in a replay: its placement (null when it got no bed), whether the bed was in a
 * neighbour region, and for a calendar bed the nights it held and how many were protected nights taken by crisis
 * (released close to the night, or by override).
 */
public record RequestOutcome(GeneratedRequest request, Placement placement, boolean outsideRegion, int nights,
                             boolean calendarBed, int protectedReleased, int protectedOverridden) {

    public boolean placed() {
        return placement != null;
    }
}
