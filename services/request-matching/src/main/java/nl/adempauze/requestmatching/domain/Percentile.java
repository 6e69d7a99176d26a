package nl.adempauze.requestmatching.domain;

import java.util.Arrays;

/**
 * The p-th percentile of a sample by linear interpolation between the closest ranks (as spreadsheets'
 * PERCENTILE.INC): position {@code p x (n - 1)} in the sorted values. The median (p = 0.5) of an even count is the
 * mean of the two middle values; of one value, that value.
 */
public final class Percentile {

    private Percentile() {
    }

    /** The percentile {@code p} (0 to 1) of {@code values}; null for no values. */
    public static Double of(double[] values, double p) {
        if (p < 0 || p > 1 || Double.isNaN(p)) {
            throw new IllegalArgumentException("p must lie between 0 and 1, was " + p);
        }
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
