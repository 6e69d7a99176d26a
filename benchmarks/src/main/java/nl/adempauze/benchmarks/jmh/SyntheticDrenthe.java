package nl.adempauze.benchmarks.jmh;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import nl.adempauze.contracts.Nights;
import nl.adempauze.requestmatching.domain.Candidate;

/**
 * Made-up but plausible locations in Drenthe for the benchmarks, from a fixed seed so that every run ranks the
 * same region. The mix follows seeds/drenthe.json (features, funders, municipalities) at a larger scale.
 */
final class SyntheticDrenthe {

    /** A fixed evening: crisis requests mostly come in after hours, when tonight's night has already begun. */
    static final Instant NOW = ZonedDateTime.of(2026, 3, 10, 21, 30, 0, 0, Nights.ZONE).toInstant();
    static final LocalDate TONIGHT = Nights.nightOf(NOW);
    /** The region's freshness window (seeds/drenthe.json: 720 minutes). */
    static final Duration FRESHNESS = Duration.ofHours(12);

    static final List<String> FEATURES = List.of("BARIATRIC", "DEMENTIA", "ISOLATION", "OXYGEN", "PARTNER_STAY");
    static final List<String> INSURERS = List.of("zilveren-kruis", "cz", "vgz", "menzis", "dsw", "eno",
            "de-friesland");
    static final String CARE_OFFICE = "zorgkantoor-drenthe";
    static final List<String> MUNICIPALITIES = List.of("Aa en Hunze", "Assen", "Borger-Odoorn", "Coevorden",
            "De Wolden", "Emmen", "Hoogeveen", "Meppel", "Midden-Drenthe", "Noordenveld", "Tynaarlo", "Westerveld");

    private SyntheticDrenthe() {
    }

    static Random random() {
        return new Random(20260310L);
    }

    /**
     * {@code count} locations spread over the province: about one in twenty closed, one in five without a free
     * bed, one in six with a capacity figure older than the freshness window, and acceptance records from none to
     * twenty answered offers.
     */
    static List<Candidate> candidates(int count, Random random) {
        List<Candidate> candidates = new ArrayList<>(count);
        int providers = Math.max(1, count / 3);
        for (int i = 0; i < count; i++) {
            String municipality = MUNICIPALITIES.get(random.nextInt(MUNICIPALITIES.size()));
            double latitude = 52.6 + random.nextDouble() * 0.6;
            double longitude = 6.2 + random.nextDouble() * 0.9;
            Set<String> features = new HashSet<>();
            for (String feature : FEATURES) {
                if (random.nextDouble() < 0.4) {
                    features.add(feature);
                }
            }
            Set<String> funders = new HashSet<>();
            for (String insurer : INSURERS) {
                if (random.nextDouble() < 0.6) {
                    funders.add(insurer);
                }
            }
            if (random.nextDouble() < 0.8) {
                funders.add(CARE_OFFICE);
            }
            funders.add("gemeente-" + municipality.toLowerCase().replace(' ', '-'));
            boolean open = random.nextDouble() >= 0.05;
            int availableBeds = random.nextDouble() < 0.2 ? 0 : 1 + random.nextInt(4);
            Duration age = random.nextDouble() < 1.0 / 6
                    ? FRESHNESS.plusMinutes(1 + random.nextInt(3 * 24 * 60))
                    : Duration.ofMinutes(random.nextInt((int) FRESHNESS.toMinutes()));
            int answered = random.nextInt(21);
            int accepted = answered == 0 ? 0 : random.nextInt(answered + 1);
            candidates.add(new Candidate(String.format("loc-%05d", i), "Locatie " + i, "provider-" +
                    random.nextInt(providers), municipality, latitude, longitude, Set.copyOf(features), open,
                    Set.copyOf(funders), availableBeds, NOW.minus(age),
                    new Candidate.AcceptanceRecord(accepted, answered)));
        }
        return candidates;
    }

    /** Locations already tried for the request: a few, as after one or two declined offers. */
    static Set<String> tried(List<Candidate> candidates, Random random) {
        Set<String> tried = new HashSet<>();
        for (int i = 0; i < Math.min(3, candidates.size()); i++) {
            tried.add(candidates.get(random.nextInt(candidates.size())).locationId());
        }
        return Set.copyOf(tried);
    }
}
