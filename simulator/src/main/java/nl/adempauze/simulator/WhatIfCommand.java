package nl.adempauze.simulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.adempauze.simulator.demand.DemandParameters;
import nl.adempauze.simulator.optimum.HindsightOptimum;
import nl.adempauze.simulator.report.HeadlineTable;
import nl.adempauze.simulator.report.PolicyRow;

/**
 * Prints the headline table of the default year: the seed regions (Drenthe and its neighbour Groningen), demand
 * drawn with the seed, today's policy and the baselines (and a what-if, when settings are given), each against the
 * hindsight optimum's upper bound. Run from the repository root (it reads seeds/); options in {@link WhatIfOptions}.
 */
public final class WhatIfCommand {

    private WhatIfCommand() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        WhatIfOptions options = WhatIfOptions.parse(args);
        YearReplay year = YearReplay.fromSeeds(List.of(Path.of("seeds/drenthe.json"),
                Path.of("seeds/groningen.json")), DemandParameters.drenthe(), options.seed());
        List<Scenario> scenarios = new ArrayList<>(List.of(Scenario.today(), Scenario.noProtection(),
                Scenario.nearestFreeBed()));
        if (options.whatIf() != null) {
            scenarios.add(options.whatIf());
        }
        WhatIf whatIf = new WhatIf(year, options.region(), false);
        List<PolicyRow> rows = whatIf.compare(scenarios);
        if (options.csv()) {
            System.out.print(HeadlineTable.csv(rows));
            return;
        }
        HindsightOptimum.Result optimum = whatIf.optimum(Scenario.today());
        System.out.printf(Locale.ROOT, "What if: %s, year %d, seed %d; %d requests (warm-up and neighbour included),"
                        + " %d in the measured year%n", options.region(), YearReplay.YEAR.getYear(), options.seed(),
                year.demand().size(), year.demand().stream().filter(r -> !r.submittedAt().isBefore(year.yearStart())
                        && r.submittedAt().isBefore(year.yearEnd())).count());
        System.out.print(HeadlineTable.text(rows));
        System.out.printf(Locale.ROOT, "hindsight optimum (today's beds): at most %d requests placed in time, all"
                + " regions (%s, %d ms)%n", (long) optimum.value(), optimum.method(), optimum.millis());
        rows.forEach(row -> System.out.printf(Locale.ROOT, "  %s: declines %s, replay and yardstick %d ms%n",
                row.policy(), HeadlineTable.declines(row.measures()), row.millis()));
        System.out.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
}
