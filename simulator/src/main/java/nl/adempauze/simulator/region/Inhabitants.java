package nl.adempauze.simulator.region;

import java.util.Map;

/**
 * Inhabitants per municipality, to size a region and to spread its patients' homes. Drenthe: CBS figures of
 * about 2023, rounded to the thousand (the province had 504,116 inhabitants; Assen 69,691 on 1 January 2024).
 * Groningen's six seed municipalities: the same, rounded. A municipality not listed counts
 * {@value #UNKNOWN} (assumption).
 */
final class Inhabitants {

    static final int UNKNOWN = 25_000;

    private static final Map<String, Integer> BY_MUNICIPALITY = Map.ofEntries(
            Map.entry("Aa en Hunze", 25_000), Map.entry("Assen", 69_000), Map.entry("Borger-Odoorn", 25_000),
            Map.entry("Coevorden", 35_000), Map.entry("De Wolden", 24_000), Map.entry("Emmen", 107_000),
            Map.entry("Hoogeveen", 55_000), Map.entry("Meppel", 34_000), Map.entry("Midden-Drenthe", 33_000),
            Map.entry("Noordenveld", 32_000), Map.entry("Tynaarlo", 34_000), Map.entry("Westerveld", 19_000),
            Map.entry("Groningen", 240_000), Map.entry("Midden-Groningen", 61_000), Map.entry("Veendam", 28_000),
            Map.entry("Pekela", 12_000), Map.entry("Stadskanaal", 32_000), Map.entry("Westerwolde", 26_000));

    private Inhabitants() {
    }

    static int of(String municipality) {
        return BY_MUNICIPALITY.getOrDefault(municipality, UNKNOWN);
    }
}
