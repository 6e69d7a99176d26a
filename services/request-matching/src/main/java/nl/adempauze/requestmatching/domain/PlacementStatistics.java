package nl.adempauze.requestmatching.domain;

import java.util.Collection;

/**
 * Placements of one urgency and care type summarised for the monitoring report: how long placing took (median and
 * 90th percentile, in minutes; see {@link Percentile}) and how many were in time (see {@link PlacementTarget}).
 * With no placements the median, the 90th percentile and the share in time are null, never zero.
 */
public record PlacementStatistics(long count, Double medianMinutes, Double p90Minutes, long withinTarget,
                                  Double withinTargetShare) {

    public static PlacementStatistics of(Collection<Placement> placements) {
        double[] minutes = placements.stream()
                .mapToDouble(placement -> placement.timeToPlacement().toMillis() / 60_000.0).toArray();
        long inTime = placements.stream().filter(PlacementTarget::met).count();
        return new PlacementStatistics(placements.size(), Percentile.of(minutes, 0.5), Percentile.of(minutes, 0.9),
                inTime, placements.isEmpty() ? null : (double) inTime / placements.size());
    }
}
