package nl.adempauze.simulator.demand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import nl.adempauze.simulator.region.Municipality;
import nl.adempauze.simulator.region.RegionModel;

/**
 * Who asks: a home in a municipality drawn by its inhabitants (near its centre: assumption, within about 3 km),
 * needs drawn independently by their shares, and the funder of the care type's stream (a health insurer by market
 * share, the region's care office, or the home municipality).
 */
final class Patients {

    /** Where a patient lives and who pays. */
    record Patient(String municipality, double latitude, double longitude, List<String> needs, String funder) {
    }

    private final RegionModel region;
    private final DemandParameters parameters;

    Patients(RegionModel region, DemandParameters parameters) {
        this.region = region;
        this.parameters = parameters;
    }

    Patient draw(String fundingStream, SplittableRandom random) {
        Map<String, Double> weights = new TreeMap<>();
        region.municipalities().forEach(m -> weights.put(m.name(), (double) m.inhabitants()));
        String name = Draw.weighted(random, weights);
        Municipality home = region.municipalities().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow();
        double latitude = home.latitude() + (random.nextDouble() - 0.5) * 0.05;
        double longitude = home.longitude() + (random.nextDouble() - 0.5) * 0.08;
        List<String> needs = new ArrayList<>();
        new TreeMap<>(parameters.needs()).forEach((need, share) -> {
            if (random.nextDouble() < share) {
                needs.add(need);
            }
        });
        String funder = switch (fundingStream) {
            case "WLZ" -> region.wlzFunder();
            case "WMO" -> home.wmoFunder();
            default -> insurer(random);
        };
        return new Patient(name, latitude, longitude, needs, funder);
    }

    private String insurer(SplittableRandom random) {
        Map<String, Double> shares = new TreeMap<>();
        region.insurers().forEach(id -> shares.put(id, parameters.insurerShares().getOrDefault(id, 0.01)));
        return Draw.weighted(random, shares);
    }
}
