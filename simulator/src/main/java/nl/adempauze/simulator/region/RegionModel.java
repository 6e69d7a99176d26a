package nl.adempauze.simulator.region;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.adempauze.bedavailability.domain.ProtectionRule;
import nl.adempauze.contracts.events.RegionConfigured.NeighbourDefinition;
import nl.adempauze.requestmatching.domain.CareTypeRule;

/**
 * One region of a replay, as both services know it: request-matching's {@link CareTypeRule}s (deadlines, stay
 * lengths, calendar or free now, protection as matching's replica sees it) and bed-availability's
 * {@link ProtectionRule} per care type (what decides a hold), its neighbours, municipalities and locations.
 */
public record RegionModel(String id, List<NeighbourDefinition> neighbours, Map<String, CareTypeRule> careTypes,
                          Map<String, ProtectionRule> protection, List<Municipality> municipalities,
                          List<BedLocation> locations, String wlzFunder, List<String> insurers) {

    public RegionModel {
        neighbours = List.copyOf(neighbours);
        careTypes = Map.copyOf(careTypes);
        protection = Map.copyOf(protection);
        municipalities = List.copyOf(municipalities);
        locations = List.copyOf(locations);
        insurers = List.copyOf(insurers);
    }

    public int inhabitants() {
        return municipalities.stream().mapToInt(Municipality::inhabitants).sum();
    }

    public CareTypeRule careType(String code) {
        return careTypes.get(code);
    }

    /** bed-availability's rule for the care type, or null when it protects nothing. */
    public ProtectionRule protectionOf(String careType) {
        return protection.get(careType);
    }

    public int beds(String careType) {
        return locations.stream().mapToInt(location -> location.bedsOf(careType)).sum();
    }

    public Optional<BedLocation> location(String id) {
        return locations.stream().filter(location -> location.id().equals(id)).findFirst();
    }
}
