package nl.adempauze.simulator.region;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Splits a whole number in proportion to weights, so that the parts are whole and add up (Hamilton's method). */
final class LargestRemainder {

    private LargestRemainder() {
    }

    static int[] split(int total, double[] weights) {
        int[] parts = new int[weights.length];
        double sum = Arrays.stream(weights).sum();
        if (weights.length == 0 || sum <= 0) {
            return parts;
        }
        double[] exact = Arrays.stream(weights).map(weight -> total * weight / sum).toArray();
        int given = 0;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = (int) Math.floor(exact[i]);
            given += parts[i];
        }
        Integer[] byRemainder = IntStream.range(0, parts.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> parts[i] - exact[i]).thenComparing(i -> i))
                .toArray(Integer[]::new);
        for (int k = 0; given < total; k++, given++) {
            parts[byRemainder[k % parts.length]]++;
        }
        return parts;
    }
}
