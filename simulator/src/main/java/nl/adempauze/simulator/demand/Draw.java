package nl.adempauze.simulator.demand;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Small draws the generators share; maps are walked in key order, so a seed gives the same draw every time. */
final class Draw {

    private Draw() {
    }

    static int between(SplittableRandom random, int lowest, int highest) {
        return lowest + random.nextInt(highest - lowest + 1);
    }

    /** At least one night, exponential around {@code mean}, at most {@code max}. */
    static int nights(SplittableRandom random, double mean, int max) {
        int drawn = (int) Math.ceil(-mean * Math.log(1 - random.nextDouble()));
        return Math.max(1, Math.min(max, drawn));
    }

    /** A key drawn with the weights given (they need not add up to one). */
    static String weighted(SplittableRandom random, Map<String, Double> weights) {
        TreeMap<String, Double> ordered = new TreeMap<>(weights);
        double total = ordered.values().stream().mapToDouble(Double::doubleValue).sum();
        double at = random.nextDouble() * total;
        for (Map.Entry<String, Double> entry : ordered.entrySet()) {
            at -= entry.getValue();
            if (at < 0) {
                return entry.getKey();
            }
        }
        return ordered.lastKey();
    }
}
