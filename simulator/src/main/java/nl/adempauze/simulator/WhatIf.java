package nl.adempauze.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.adempauze.simulator.measure.MeasureBook;
import nl.adempauze.simulator.optimum.HindsightInstance;
import nl.adempauze.simulator.optimum.HindsightOptimum;
import nl.adempauze.simulator.replay.ReplayResult;
import nl.adempauze.simulator.report.PolicyRow;

/**
 * Replays one year under several policies and holds each against the hindsight optimum of the same requests and
 * beds: the optimum is computed once per supply (beds and border), exact when {@code exact}, else as an upper bound.
 */
public final class WhatIf {

    private final YearReplay year;
    private final String focusRegion;
    private final boolean exact;
    private final Map<String, HindsightOptimum.Result> optimumBySupply = new HashMap<>();

    public WhatIf(YearReplay year, String focusRegion, boolean exact) {
        this.year = year;
        this.focusRegion = focusRegion;
        this.exact = exact;
    }

    public List<PolicyRow> compare(List<Scenario> scenarios) {
        List<PolicyRow> rows = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            long started = System.nanoTime();
            ReplayResult result = year.replay(scenario);
            HindsightOptimum.Result optimum = optimum(scenario);
            rows.add(new PolicyRow(scenario.name(),
                    MeasureBook.of(year.regions(scenario).get(focusRegion), result),
                    MeasureBook.placedInTime(result), optimum.value(), optimum.exact(),
                    (System.nanoTime() - started) / 1_000_000));
        }
        return rows;
    }

    /** The optimum for the scenario's beds and border (the same for every policy over the same supply). */
    public HindsightOptimum.Result optimum(Scenario scenario) {
        String supply = scenario.extraBeds() + "/" + scenario.border();
        return optimumBySupply.computeIfAbsent(supply, key -> {
            HindsightInstance instance = year.hindsight(scenario);
            return exact ? HindsightOptimum.exact(instance) : HindsightOptimum.upperBound(instance);
        });
    }
}
