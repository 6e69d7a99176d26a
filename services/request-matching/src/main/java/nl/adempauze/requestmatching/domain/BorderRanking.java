package nl.adempauze.requestmatching.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.adempauze.contracts.events.RegionConfigured.NeighbourDefinition;

/**
 * Help across the border: a region names its neighbours and whether their locations may be offered when its own
 * have nothing ({@code offerWhenFull}). The own region's candidates come first, as ranked; after them the
 * candidates of the neighbours that allow it, by their own score, each marked as outside the region (with an
 * {@link RankingReasonCode#OUTSIDE_REGION} reason and the location's region). A neighbour that is not named, or
 * named without {@code offerWhenFull}, adds nothing.
 */
public final class BorderRanking {

    private BorderRanking() {
    }

    /** The neighbour regions whose locations may be offered when {@code ownRegion} has no candidate, in order. */
    public static List<String> offeringNeighbours(String ownRegion, List<NeighbourDefinition> neighbours) {
        return neighbours.stream().filter(NeighbourDefinition::offerWhenFull).map(NeighbourDefinition::region)
                .filter(region -> region != null && !region.equals(ownRegion)).distinct().toList();
    }

    /**
     * One ranking: {@code own} (the own region's, ranked) first, then the candidates {@code ofNeighbour} (ranked per
     * neighbour region) of the neighbours that may be offered, by score then location; ranks renumbered from 1.
     */
    public static List<RankedCandidate> combine(String ownRegion, List<RankedCandidate> own,
                                                List<NeighbourDefinition> neighbours,
                                                Map<String, List<RankedCandidate>> ofNeighbour) {
        List<RankedCandidate> across = new ArrayList<>();
        for (String region : offeringNeighbours(ownRegion, neighbours)) {
            ofNeighbour.getOrDefault(region, List.of()).forEach(candidate -> across.add(outside(candidate, region)));
        }
        across.sort(Comparator.comparingDouble(RankedCandidate::score).thenComparing(RankedCandidate::locationId));
        List<RankedCandidate> ranking = new ArrayList<>(own.size() + across.size());
        own.forEach(candidate -> ranking.add(renumbered(candidate, ranking.size() + 1, ownRegion, false)));
        across.forEach(candidate -> ranking.add(renumbered(candidate, ranking.size() + 1, candidate.region(), true)));
        return List.copyOf(ranking);
    }

    private static RankedCandidate outside(RankedCandidate candidate, String region) {
        List<RankingReason> reasons = new ArrayList<>(candidate.reasons());
        reasons.add(RankingReason.of(RankingReasonCode.OUTSIDE_REGION, "region", region));
        return new RankedCandidate(candidate.rank(), candidate.locationId(), candidate.name(), candidate.providerId(),
                candidate.score(), candidate.distanceKm(), candidate.explanation() + "; outside the region ("
                + region + "), offered because the own region has no candidate", reasons, candidate.firstNight(),
                candidate.nights(), region, true);
    }

    private static RankedCandidate renumbered(RankedCandidate candidate, int rank, String region, boolean outside) {
        return new RankedCandidate(rank, candidate.locationId(), candidate.name(), candidate.providerId(),
                candidate.score(), candidate.distanceKm(), candidate.explanation(), candidate.reasons(),
                candidate.firstNight(), candidate.nights(), region, outside);
    }
}
