package nl.adempauze.simulator.region;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.adempauze.bedavailability.domain.ProtectionRule;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.contracts.seed.RegionSeed;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.simulator.demand.DemandParameters;

/**
 * A region from its seed file ({@code seeds/<region>.json}, read with the contracts' own {@link RegionSeed}): its
 * care types with deadlines and protection as the administrator set them ("today's policy"), municipalities,
 * neighbours, locations, features and contracts. The seed's bed figures are a demo's free beds of one moment, so
 * the replay sizes each care type's beds to the region ({@code bedsPer100k} x inhabitants) and spreads them over
 * the locations that offer it, in proportion to the seed figure plus one.
 */
public final class SeedRegions {

    private SeedRegions() {
    }

    public static RegionModel load(Path seedFile, DemandParameters demand) {
        RegionSeed seed = RegionSeed.read(seedFile.toString());
        String region = seed.region().id();
        Map<String, CareTypeRule> careTypes = new HashMap<>();
        Map<String, ProtectionRule> protection = new HashMap<>();
        for (RegionSeed.CareType type : seed.careTypes()) {
            careTypes.put(type.code(), careTypeRule(region, type));
            if (type.protection() != null) {
                protection.put(type.code(), protectionRule(type.protection()));
            }
        }
        List<Municipality> municipalities = new ArrayList<>();
        for (RegionSeed.Municipality municipality : seed.municipalities()) {
            String wmo = seed.funders().stream()
                    .filter(funder -> "WMO".equals(funder.fundingStream())
                            && municipality.name().equals(funder.municipality()))
                    .map(RegionSeed.Funder::id).findFirst().orElse(null);
            municipalities.add(new Municipality(municipality.name(), municipality.latitude(),
                    municipality.longitude(), Inhabitants.of(municipality.name()), wmo));
        }
        int inhabitants = municipalities.stream().mapToInt(Municipality::inhabitants).sum();
        List<BedLocation> locations = sized(region, seed.locations(), demand, inhabitants);
        String wlz = seed.funders().stream().filter(funder -> "WLZ".equals(funder.fundingStream()))
                .map(RegionSeed.Funder::id).findFirst().orElse(null);
        List<String> insurers = seed.funders().stream().filter(funder -> "ZVW".equals(funder.fundingStream()))
                .map(RegionSeed.Funder::id).toList();
        return new RegionModel(region, seed.region().neighbours(), careTypes, protection, municipalities, locations,
                wlz, insurers);
    }

    /** As request-matching's reference data holds a region's care type (see ReferenceDataRepository). */
    static CareTypeRule careTypeRule(String region, RegionSeed.CareType type) {
        RegionConfigured.ProtectionRule rule = type.protection();
        return new CareTypeRule(region, type.code(), type.name(), type.fundingStream(),
                Duration.ofMinutes(type.offerResponseMinutes().get("CRISIS")),
                Duration.ofMinutes(type.offerResponseMinutes().get("PLANNED")),
                Duration.ofHours(type.admissionDeadlineHours()), type.plannedBooking(), type.minStayNights(),
                type.maxStayNights(), rule == null ? null : new CareTypeRule.Protection(rule.protectedBeds(),
                rule.protectedShare(), Duration.ofHours(rule.releaseHorizonHours())));
    }

    /** As bed-availability's seed loader turns the seed's rule into its own (see RegionSeedLoader). */
    static ProtectionRule protectionRule(RegionConfigured.ProtectionRule rule) {
        return new ProtectionRule(rule.protectedBeds(), rule.protectedShare(),
                Duration.ofHours(rule.releaseHorizonHours()));
    }

    private static List<BedLocation> sized(String region, List<RegionSeed.Location> seedLocations,
                                           DemandParameters demand, int inhabitants) {
        Map<String, Map<String, Integer>> beds = new HashMap<>();
        Set<String> careTypes = new HashSet<>();
        seedLocations.forEach(location -> careTypes.addAll(location.capacity().keySet()));
        for (String careType : careTypes) {
            double perHundredThousand = demand.of(careType).map(d -> d.bedsPer100k()).orElse(0.0);
            int total = (int) Math.round(perHundredThousand * inhabitants / 100_000.0);
            List<RegionSeed.Location> offering = seedLocations.stream()
                    .filter(location -> location.capacity().containsKey(careType)).toList();
            int[] shares = LargestRemainder.split(total, offering.stream()
                    .mapToDouble(location -> location.capacity().get(careType) + 1.0).toArray());
            for (int i = 0; i < offering.size(); i++) {
                beds.computeIfAbsent(offering.get(i).id(), id -> new HashMap<>()).put(careType, shares[i]);
            }
        }
        List<BedLocation> locations = new ArrayList<>();
        for (RegionSeed.Location location : seedLocations) {
            Map<String, Set<String>> funders = new HashMap<>();
            for (FunderContract contract : location.contracts()) {
                contract.careTypes().forEach(careType -> funders.computeIfAbsent(careType, t -> new HashSet<>())
                        .add(contract.funder()));
            }
            locations.add(new BedLocation(location.id(), region, location.name(), location.providerId(),
                    location.municipality(), location.latitude(), location.longitude(),
                    new HashSet<>(location.features()), funders, beds.getOrDefault(location.id(), Map.of())));
        }
        return locations;
    }
}
