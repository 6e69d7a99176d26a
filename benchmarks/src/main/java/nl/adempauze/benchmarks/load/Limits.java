package nl.adempauze.benchmarks.load;

import static nl.adempauze.benchmarks.load.MarkdownTable.ms;
import static nl.adempauze.benchmarks.load.MarkdownTable.percent;
import static nl.adempauze.benchmarks.load.MarkdownTable.times;
import static nl.adempauze.benchmarks.load.MarkdownTable.whole;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The verdicts the report draws from the figures, and its "What limits it" section. */
public final class Limits {

    /** Matching counts as flat when the search with many other regions is within this of the search without. */
    public static final double FLAT_WITHIN = 1.25;
    /** ... or within this many milliseconds (below it, the difference is timer noise). */
    public static final double FLAT_NOISE_MILLIS = 0.5;

    private Limits() {
    }

    /** The highest crisis rate sustained without errors. */
    public static Optional<CrisisBenchmark.StepResult> highestSustained(Results r) {
        return r.crisis.stream().filter(step -> !step.saturated())
                .max(Comparator.comparingDouble(CrisisBenchmark.StepResult::perSecond));
    }

    /** The smallest generated region's search before and after the other regions were added. */
    public record Flatness(MatchingScaleBenchmark.Row before, MatchingScaleBenchmark.Row after) {
        public boolean flat() {
            return after.searchMeanMillis() <= before.searchMeanMillis() * FLAT_WITHIN
                    || after.searchMeanMillis() - before.searchMeanMillis() <= FLAT_NOISE_MILLIS;
        }

        public String describe() {
            return "search in " + before.region() + ": " + ms(before.searchMeanMillis()) + " ms mean with "
                    + whole(before.otherLocations()) + " locations elsewhere, " + ms(after.searchMeanMillis())
                    + " ms with " + whole(after.otherLocations()) + " (" + times(after.searchMeanMillis()
                    / before.searchMeanMillis()) + "); POST → offer p50 " + ms(before.offer().p50()) + " → "
                    + ms(after.offer().p50()) + " ms";
        }
    }

    public static Optional<Flatness> flatness(Results r) {
        Optional<MatchingScaleBenchmark.Row> before = r.matching.stream().filter(row -> row.label().equals("before"))
                .findFirst();
        Optional<MatchingScaleBenchmark.Row> after = r.matching.stream().filter(row -> row.label().equals("after"))
                .findFirst();
        return before.flatMap(b -> after.map(a -> new Flatness(b, a)));
    }

    /** The "What limits it" section: the measured evidence first, then what it shows. */
    public static void write(Results r, StringBuilder out) {
        out.append("## What limits it\n\n");
        Optional<CrisisBenchmark.StepResult> saturated = r.crisis.stream()
                .filter(CrisisBenchmark.StepResult::saturated).findFirst();
        saturated.ifPresent(step -> {
            List<String> busiest = step.cpu().percentOfCore().entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                    .map(entry -> entry.getKey() + " " + percent(entry.getValue())).toList();
            out.append("- **Crisis throughput.** The first saturated step was ").append(whole(step.perSecond()))
                    .append(" requests/s: ").append(step.verdict()).append(". The machine was ")
                    .append(percent(step.cpu().machineBusyPercent())).append(" busy; by process (% of one core): ")
                    .append(String.join(", ", busiest)).append(".\n");
        });
        out.append('\n');
    }
}
