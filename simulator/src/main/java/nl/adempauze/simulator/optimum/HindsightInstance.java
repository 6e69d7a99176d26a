package nl.adempauze.simulator.optimum;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.adempauze.contracts.Nights;
import nl.adempauze.requestmatching.domain.BorderRanking;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.requestmatching.domain.StayDates;
import nl.adempauze.simulator.demand.GeneratedRequest;
import nl.adempauze.simulator.region.BedLocation;
import nl.adempauze.simulator.region.RegionModel;
import nl.adempauze.simulator.replay.Replay;

/**
 * The hindsight problem: every request of the year known in advance, each with the stays it could have had in time,
 * and the beds per night. Locations that are alike for the optimum (same region and care type, same features, and
 * for a Wmo stay the same contracted funders) are one pool with their beds added: the optimum ignores distance, and
 * stays of one night each on a pool of k interchangeable beds fit exactly when no night has more than k (interval
 * graphs are perfect), so pooling loses nothing. A placement "in time" is the monitoring report's: a crisis offer
 * accepted by the admission deadline, a planned stay booked before its first night.
 * <p>
 * It is a relaxation of every replay: the optimum ignores declines, answer times and ranking, and a replayed stay
 * uses its pool on exactly the nights counted here (see {@link Replay#firstFreeNowNight}), so no policy can place
 * more requests in time than it.
 */
public final class HindsightInstance {

    /** A request with the stays it could have had in time. */
    public record Item(String requestId, List<StayOption> options) {
    }

    private final Map<String, Integer> poolBeds = new LinkedHashMap<>();
    private final List<Item> items = new ArrayList<>();

    public HindsightInstance(Map<String, RegionModel> regions, List<GeneratedRequest> requests) {
        Map<String, List<PoolMember>> pools = pools(regions);
        for (GeneratedRequest request : requests) {
            List<StayOption> options = options(request, regions, pools);
            if (!options.isEmpty()) {
                items.add(new Item(request.id(), options));
            }
        }
    }

    /** Beds per night of each pool. */
    public Map<String, Integer> poolBeds() {
        return poolBeds;
    }

    /** The requests that have at least one option. */
    public List<Item> items() {
        return items;
    }

    private record PoolMember(String pool, Set<String> features, Set<String> funders) {
    }

    private Map<String, List<PoolMember>> pools(Map<String, RegionModel> regions) {
        Map<String, List<PoolMember>> byRegionAndCareType = new HashMap<>();
        for (RegionModel region : regions.values()) {
            for (BedLocation location : region.locations()) {
                location.beds().forEach((careType, beds) -> {
                    if (beds <= 0) {
                        return;
                    }
                    boolean contractMatters = region.careType(careType).fundedByMunicipality();
                    Set<String> funders = contractMatters ? new TreeSet<>(location.fundersOf(careType)) : Set.of();
                    String pool = region.id() + "/" + careType + "/" + new TreeSet<>(location.features()) + "/"
                            + funders;
                    if (poolBeds.merge(pool, beds, Integer::sum).equals(beds)) {
                        byRegionAndCareType.computeIfAbsent(region.id() + "/" + careType, k -> new ArrayList<>())
                                .add(new PoolMember(pool, location.features(), funders));
                    }
                });
            }
        }
        return byRegionAndCareType;
    }

    private static List<StayOption> options(GeneratedRequest request, Map<String, RegionModel> regions,
                                            Map<String, List<PoolMember>> pools) {
        RegionModel region = regions.get(request.region());
        CareTypeRule rule = region.careType(request.careType());
        List<StayOption> options = new ArrayList<>();
        if (!request.crisis()) {
            LocalDate earliest = Nights.nightOf(request.submittedAt()).plusDays(1);
            for (StayDates dates : request.stay().options(earliest)) {
                for (PoolMember member : fitting(pools, region.id(), request, rule.fundedByMunicipality())) {
                    options.add(new StayOption(member.pool(), dates.firstNight(), dates.nights()));
                }
            }
            return options;
        }
        Instant neededBy = request.submittedAt().plus(rule.admissionDeadline());
        // a crisis offer is accepted between submission and the deadline; a free-now stay counts its nights from
        // an hour after admission (two hours after acceptance), a calendar stay from the night it was held in
        Duration shift = rule.onCalendar() ? Duration.ZERO : Replay.ADMISSION_DELAY.plusHours(1);
        LocalDate first = Nights.nightOf(request.submittedAt().plus(shift));
        LocalDate last = Nights.nightOf(neededBy.plus(shift));
        List<PoolMember> members = new ArrayList<>(fitting(pools, region.id(), request, false));
        if (!rule.onCalendar()) {
            for (String neighbour : BorderRanking.offeringNeighbours(region.id(), region.neighbours())) {
                members.addAll(fitting(pools, neighbour, request, false));
            }
        }
        for (LocalDate start = first; !start.isAfter(last); start = start.plusDays(1)) {
            for (PoolMember member : members) {
                options.add(new StayOption(member.pool(), start, request.nights()));
            }
        }
        return options;
    }

    private static List<PoolMember> fitting(Map<String, List<PoolMember>> pools, String region,
                                            GeneratedRequest request, boolean contractRequired) {
        return pools.getOrDefault(region + "/" + request.careType(), List.of()).stream()
                .filter(member -> member.features().containsAll(request.needs()))
                .filter(member -> !contractRequired || member.funders().contains(request.funder()))
                .toList();
    }
}
