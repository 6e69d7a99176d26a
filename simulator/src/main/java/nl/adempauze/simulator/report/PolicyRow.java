package nl.adempauze.simulator.report;

import nl.adempauze.simulator.measure.Measures;

/**
 * One line of the headline table: a policy's measures in the focus region, its requests placed in time over every
 * region of the replay (the yardstick's objective), and that figure as a share of the hindsight optimum.
 */
public record PolicyRow(String policy, Measures measures, int placedInTimeAll, double optimum, boolean optimumExact,
                        long millis) {

    public double shareOfOptimum() {
        return optimum <= 0 ? 0 : placedInTimeAll / optimum;
    }
}
