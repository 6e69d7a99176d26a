package nl.adempauze.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.adempauze.bedavailability.domain.ProtectionRule;
import nl.adempauze.contracts.events.RegionConfigured.NeighbourDefinition;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.simulator.region.BedLocation;
import nl.adempauze.simulator.region.RegionModel;

/**
 * The policy settings a what-if changes, over a region as its seed sets it up ("today"): protected beds per care
 * type (a number or a share of the night's free beds; {@code protectionOff} drops every rule), how long before a
 * night protected beds are released to crisis, the providers' response deadlines, extra beds at a location,
 * whether neighbour regions are offered when the own region is full, and how candidates are ranked.
 * A null or empty setting keeps the seed's.
 *
 * @param protection      per care type, protected beds (a number, a share, or both: the larger counts)
 * @param extraBeds       per "locationId/careType", beds added (negative: removed)
 */
public record Scenario(String name, Ranking ranking, boolean protectionOff, Map<String, Protection> protection,
                       Duration releaseHorizon, Duration crisisResponse, Duration plannedResponse,
                       Map<String, Integer> extraBeds, boolean border) {

    /** How the replay ranks candidates: the services' {@code CandidateRanker}, or simply the nearest free bed. */
    public enum Ranking { RANKER, NEAREST }

    /** Beds per night kept for planned respite: a number, a share of the free beds, or both. */
    public record Protection(Integer beds, Double share) {
    }

    public Scenario {
        protection = Map.copyOf(protection);
        extraBeds = Map.copyOf(extraBeds);
    }

    /** Today's policy: the seed's settings, the services' ranking, border offers as the seed says. */
    public static Scenario today() {
        return new Scenario("today (seed settings)", Ranking.RANKER, false, Map.of(), null, null, null, Map.of(),
                true);
    }

    /** Baseline: as today, without any protected bed. */
    public static Scenario noProtection() {
        return new Scenario("no protection", Ranking.RANKER, true, Map.of(), null, null, null, Map.of(), true);
    }

    /** Baseline: the nearest free bed, no protection (greedy). */
    public static Scenario nearestFreeBed() {
        return new Scenario("nearest free bed", Ranking.NEAREST, true, Map.of(), null, null, null, Map.of(), true);
    }

    public Scenario named(String newName) {
        return new Scenario(newName, ranking, protectionOff, protection, releaseHorizon, crisisResponse,
                plannedResponse, extraBeds, border);
    }

    /** Whether the beds or the border differ from today's: then the hindsight optimum differs too. */
    public boolean changesSupply() {
        return !extraBeds.isEmpty() || !border;
    }

    /** The region under these settings. */
    public RegionModel applyTo(RegionModel region) {
        Map<String, CareTypeRule> careTypes = new HashMap<>();
        Map<String, ProtectionRule> rules = new HashMap<>();
        region.careTypes().forEach((code, rule) -> {
            ProtectionRule seedRule = region.protectionOf(code);
            ProtectionRule changed = protectionRule(code, rule, seedRule);
            if (changed != null) {
                rules.put(code, changed);
            }
            careTypes.put(code, new CareTypeRule(rule.region(), code, rule.name(), rule.fundingStream(),
                    crisisResponse != null ? crisisResponse : rule.crisisResponse(),
                    plannedResponse != null ? plannedResponse : rule.plannedResponse(), rule.admissionDeadline(),
                    rule.plannedBooking(), rule.minStayNights(), rule.maxStayNights(), changed == null ? null
                    : new CareTypeRule.Protection(changed.protectedBeds(), changed.protectedShare(),
                    changed.releaseHorizon())));
        });
        List<BedLocation> locations = region.locations().stream().map(this::withExtraBeds).toList();
        List<NeighbourDefinition> neighbours = region.neighbours().stream()
                .map(neighbour -> new NeighbourDefinition(neighbour.region(), border && neighbour.offerWhenFull()))
                .toList();
        return new RegionModel(region.id(), neighbours, careTypes, rules, region.municipalities(), locations,
                region.wlzFunder(), region.insurers());
    }

    private ProtectionRule protectionRule(String code, CareTypeRule rule, ProtectionRule seedRule) {
        if (protectionOff || !rule.plannedBooking()) {
            return null;
        }
        Protection asked = protection.get(code);
        Duration horizon = releaseHorizon != null ? releaseHorizon
                : seedRule != null ? seedRule.releaseHorizon() : Duration.ofHours(48);
        if (asked != null) {
            return asked.beds() == null && asked.share() == null ? null
                    : new ProtectionRule(asked.beds(), asked.share(), horizon);
        }
        return seedRule == null ? null
                : new ProtectionRule(seedRule.protectedBeds(), seedRule.protectedShare(), horizon);
    }

    private BedLocation withExtraBeds(BedLocation location) {
        BedLocation changed = location;
        for (Map.Entry<String, Integer> extra : extraBeds.entrySet()) {
            String[] key = extra.getKey().split("/", 2);
            if (key[0].equals(location.id())) {
                changed = changed.withExtraBeds(key[1], extra.getValue());
            }
        }
        return changed;
    }
}
