package nl.adempauze.benchmarks.load;

import java.nio.file.Path;
import java.util.List;
import nl.adempauze.contracts.seed.RegionSeed;

/** What the benchmark needs to know of a seeded region: its locations per care type and where people live. */
public final class RegionPicture {

    private final RegionSeed seed;

    private RegionPicture(RegionSeed seed) {
        this.seed = seed;
    }

    public static RegionPicture of(Path seedFile) {
        return new RegionPicture(RegionSeed.read(seedFile.toString()));
    }

    public String id() {
        return seed.region().id();
    }

    /** How many locations the region has. */
    public int locations() {
        return seed.locations().size();
    }

    /** The locations whose seed names this care type (with any number of beds, also none). */
    public List<RegionSeed.Location> offering(String careType) {
        return seed.locations().stream().filter(location -> location.capacity().containsKey(careType)).toList();
    }

    /** Every 4-digit postcode area of the region. */
    public List<String> postcodeAreas() {
        return seed.municipalities().stream().flatMap(m -> m.postcodeAreas().stream()).toList();
    }

    /** The providers running a location offering one of these care types. */
    public List<String> providersOffering(List<String> careTypes) {
        return careTypes.stream().flatMap(type -> offering(type).stream()).map(RegionSeed.Location::providerId)
                .distinct().sorted().toList();
    }
}
