package nl.adempauze.simulator.region;

import java.util.Map;
import java.util.Set;

/**
 * A provider location as the replay needs it: where it is, what it can care for, which funders it is contracted
 * with per care type, and its beds per care type (all beds, not today's free ones: the replay starts empty).
 */
public record BedLocation(String id, String region, String name, String providerId, String municipality,
                          double latitude, double longitude, Set<String> features,
                          Map<String, Set<String>> fundersByCareType, Map<String, Integer> beds) {

    public BedLocation {
        features = Set.copyOf(features);
        fundersByCareType = Map.copyOf(fundersByCareType);
        beds = Map.copyOf(beds);
    }

    public int bedsOf(String careType) {
        return beds.getOrDefault(careType, 0);
    }

    public Set<String> fundersOf(String careType) {
        return fundersByCareType.getOrDefault(careType, Set.of());
    }

    /** The same location with {@code extra} more (or, negative, fewer) beds of {@code careType}. */
    public BedLocation withExtraBeds(String careType, int extra) {
        Map<String, Integer> changed = new java.util.HashMap<>(beds);
        changed.merge(careType, extra, Integer::sum);
        changed.computeIfPresent(careType, (type, count) -> Math.max(0, count));
        return new BedLocation(id, region, name, providerId, municipality, latitude, longitude, features,
                fundersByCareType, changed);
    }
}
