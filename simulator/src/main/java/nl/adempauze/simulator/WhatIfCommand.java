package nl.adempauze.simulator;

import java.nio.file.Path;
import java.util.List;
import nl.adempauze.simulator.demand.DemandParameters;
import nl.adempauze.simulator.measure.MeasureBook;
import nl.adempauze.simulator.measure.Measures;
import nl.adempauze.simulator.replay.ReplayResult;

/** Prints the headline table of the default year (work in progress: the yardstick follows). */
public final class WhatIfCommand {

    private WhatIfCommand() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        YearReplay year = YearReplay.fromSeeds(List.of(Path.of("seeds/drenthe.json"), Path.of("seeds/groningen.json")),
                DemandParameters.drenthe(), 20261204L);
        System.out.println("requests: " + year.demand().size());
        for (Scenario scenario : List.of(Scenario.today(), Scenario.noProtection(), Scenario.nearestFreeBed())) {
            long t = System.nanoTime();
            ReplayResult result = year.replay(scenario);
            Measures m = MeasureBook.of(year.regions(scenario).get("drenthe"), result);
            System.out.println(scenario.name() + " " + m + " all in time " + MeasureBook.placedInTime(result)
                    + " (" + (System.nanoTime() - t) / 1_000_000 + " ms)");
        }
        System.out.println("total " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }
}
