package nl.adempauze.bedavailability.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.platform.domain.DomainException;

/**
 * What a location added or changed by a region's administrator must agree with in its region: a municipality of
 * the region, contracts with the region's funders for care types of its catalogue, and beds only of those care
 * types. A refusal names the field.
 */
public final class LocationRules {

    private LocationRules() {
    }

    public static void check(Region region, Location location, List<FunderContract> contracts,
                             Map<String, Integer> beds) {
        if (region.municipalities().stream().noneMatch(known -> known.name().equals(location.municipality()))) {
            throw DomainException.invalidField("municipality", "'" + location.municipality()
                    + "' is not a municipality of region " + region.id());
        }
        Set<String> funders = new HashSet<>();
        for (int i = 0; i < contracts.size(); i++) {
            FunderContract contract = contracts.get(i);
            String funder = contract.funder();
            if (region.funders().stream().noneMatch(known -> known.id().equals(funder))) {
                throw DomainException.invalidField("contracts[" + i + "].funder",
                        "'" + funder + "' is not a funder of region " + region.id());
            }
            if (!funders.add(funder)) {
                throw DomainException.invalidField("contracts[" + i + "].funder", "Funder '" + funder
                        + "' is named twice: one contract per funder, with all its care types");
            }
            for (String careType : contract.careTypes()) {
                if (!region.offers(careType)) {
                    throw DomainException.invalidField("contracts[" + i + "].careTypes", "Care type '" + careType
                            + "' is not in the catalogue of region " + region.id());
                }
            }
        }
        for (String careType : beds.keySet()) {
            if (!region.offers(careType)) {
                throw DomainException.invalidField("beds", "Care type '" + careType
                        + "' is not in the catalogue of region " + region.id());
            }
        }
    }
}
