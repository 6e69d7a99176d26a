package nl.adempauze.benchmarks.load;

import static nl.adempauze.benchmarks.load.MarkdownTable.ms;
import static nl.adempauze.benchmarks.load.MarkdownTable.percent;
import static nl.adempauze.benchmarks.load.MarkdownTable.times;
import static nl.adempauze.benchmarks.load.MarkdownTable.whole;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** The verdicts the report draws from the figures, and its "What limits it" section. */
public final class Limits {

    /** Matching counts as flat when the search with many other regions is within this of the search without. */
    public static final double FLAT_WITHIN = 1.25;
    /** ... or within this many milliseconds (below it, the difference is timer noise). */
    public static final double FLAT_NOISE_MILLIS = 0.5;

    /** The CPU group of this JVM (the load generator and the development issuer). */
    public static final String LOAD_GENERATOR = "benchmark JVM";

    private Limits() {
    }

    /** The highest crisis rate sustained without errors. */
    public static Optional<CrisisBenchmark.StepResult> highestSustained(Results r) {
        return r.crisis.stream().filter(step -> !step.saturated())
                .max(Comparator.comparingDouble(CrisisBenchmark.StepResult::perSecond));
    }

    /** The system's CPU time (all groups but the load generator) per request of the step, in milliseconds. */
    public static double cpuMillisPerRequest(CrisisBenchmark.StepResult step) {
        double seconds = 0;
        for (var group : step.cpu().percentOfCore().entrySet()) {
            if (!group.getKey().equals(LOAD_GENERATOR)) {
                seconds += group.getValue() / 100 * step.cpu().wallSeconds();
            }
        }
        return step.created() == 0 ? Double.NaN : 1000 * seconds / step.created();
    }

    /** CPU of processes outside the system and the load generator, in % of one core (never below 0). */
    public static double otherProcessesPercent(CrisisBenchmark.StepResult step, int cores) {
        double ours = step.cpu().percentOfCore().values().stream().mapToDouble(Double::doubleValue).sum();
        return Math.max(0, step.cpu().machineBusyPercent() * cores - ours);
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

    /** The "What limits it" section, drawn from this run's figures. */
    public static void write(Results r, StringBuilder out) {
        out.append("## What limits it\n\n");
        throughput(r, out);
        latency(r, out);
        liveStream(r, out);
        capacity(r, out);
        matching(r, out);
        warmUp(r, out);
        disturbance(r, out);
        out.append('\n');
    }

    /** The step the throughput verdict rests on: the first saturated one, else the highest. */
    static Optional<CrisisBenchmark.StepResult> limitingStep(Results r) {
        return r.crisis.stream().filter(CrisisBenchmark.StepResult::saturated).findFirst()
                .or(() -> r.crisis.stream().reduce((a, b) -> b));
    }

    private static void throughput(Results r, StringBuilder out) {
        Optional<CrisisBenchmark.StepResult> limiting = limitingStep(r);
        if (limiting.isEmpty()) {
            return;
        }
        CrisisBenchmark.StepResult step = limiting.get();
        double perRequest = cpuMillisPerRequest(step);
        double allowed = r.machine.cores() * 1000 / perRequest;
        out.append("- **Crisis throughput: the CPU of the machine.** ");
        out.append(step.saturated() ? "The system saturated at " + whole(step.perSecond()) + " requests/s ("
                + step.verdict() + ")" : "No step saturated up to " + whole(step.perSecond()) + " requests/s");
        out.append("; meanwhile the machine was ").append(percent(step.cpu().machineBusyPercent()))
                .append(" busy and the system spent ").append(ms(perRequest)).append(" ms of CPU per crisis request (")
                .append(groupShares(step)).append("), so its ").append(r.machine.cores()).append(" cores allow about ")
                .append(whole(allowed)).append(" requests/s. At that cost, ").append(whole(300))
                .append(" requests/s would take about ").append(String.format(Locale.ROOT, "%.0f", 300 * perRequest
                        / 1000)).append(" cores.");
        double records = step.workPerRequest().entrySet().stream().filter(e -> e.getKey().startsWith("records "))
                .mapToDouble(e -> Double.isNaN(e.getValue()) ? 0 : e.getValue()).sum();
        double transactions = step.workPerRequest().entrySet().stream()
                .filter(e -> e.getKey().startsWith("transactions ")).mapToDouble(e -> Double.isNaN(e.getValue())
                        ? 0 : e.getValue()).sum();
        if (r.kafkaThroughput != null && records > 0) {
            out.append(" Not the broker: a request writes ").append(String.format(Locale.ROOT, "%.1f", records))
                    .append(" records, and the broker on its own moved ").append(whole(r.kafkaThroughput.perSecond()))
                    .append(" records/s (room for ").append(whole(r.kafkaThroughput.perSecond() / records))
                    .append(" requests/s).");
        }
        Optional<DatabaseCeiling.Result> rowEach = r.database.stream().filter(db -> !db.oneRow()).findFirst();
        if (rowEach.isPresent() && transactions > 0) {
            out.append(" Not the database's commits: a request runs ")
                    .append(String.format(Locale.ROOT, "%.0f", transactions))
                    .append(" transactions (reads included) in the three databases, and PostgreSQL on its own ran ")
                    .append(whole(rowEach.get().perSecond())).append(" one-row update transactions/s on ")
                    .append(rowEach.get().connections()).append(" connections (room for ")
                    .append(whole(rowEach.get().perSecond() / transactions)).append(" requests/s).");
        }
        Map<String, ServiceProfiles.Profile> profiles = r.crisisProfiles.get(step.perSecond());
        if (profiles != null) {
            out.append(" Inside the services the time is spread thin, with no hot spot to remove: ");
            List<String> parts = new ArrayList<>();
            profiles.forEach((service, profile) -> parts.add(service + " " + top(profile.java().byLibrary(), 4)));
            out.append(String.join("; ", parts)).append(" (shares of Java execution samples by library; ")
                    .append("\"Metrics and tracing\" is Micrometer's observation and context propagation around every ")
                    .append("reactive operator, HTTP call, query and Kafka record, with every trace sampled).");
        }
        largestBacklog(step).ifPresent(stage -> out.append(" When sending stopped, the longest queue was ")
                .append(stage).append('.'));
        out.append('\n');
    }

    private static void latency(Results r, StringBuilder out) {
        Optional<CrisisBenchmark.StepResult> at50 = r.crisis.stream().filter(step -> step.perSecond() == 50)
                .findFirst();
        if (at50.isEmpty()) {
            return;
        }
        CrisisBenchmark.StepResult step = at50.get();
        out.append("- **Latency at 50 requests/s.** ");
        if (step.saturated()) {
            out.append("50 requests/s is more than the cores allow on this machine (above), so requests queue ")
                    .append("in front of the busiest consumers and the latency is that queue: p99 ")
                    .append(ms(step.webhook().p99())).append(" ms.");
        } else {
            out.append("p99 ").append(ms(step.webhook().p99())).append(" ms (p50 ").append(ms(step.webhook().p50()))
                    .append(" ms) with the machine ").append(percent(step.cpu().machineBusyPercent())).append(" busy.");
        }
        Optional<CrisisBenchmark.StepResult> calm = r.crisis.stream().filter(other -> !other.saturated())
                .filter(other -> other.perSecond() < 50).reduce((a, b) -> b);
        calm.ifPresent(other -> out.append(" Below the limit, at ").append(whole(other.perSecond()))
                .append(" requests/s: p50 ").append(ms(other.webhook().p50())).append(" ms, p99 ")
                .append(ms(other.webhook().p99())).append(" ms, POST alone p50 ").append(ms(other.post().p50()))
                .append(" ms."));
        if (!r.kafkaRoundTrips.isEmpty()) {
            KafkaCeiling.RoundTrip trip = r.kafkaRoundTrips.get(0);
            out.append(" The floor: a crisis request crosses three Kafka hops (hold requested, bed held, offer ")
                    .append("made), each behind a transaction and an outbox relay, before notification records and ")
                    .append("sends the webhook; the broker's own produce → consume round trip on this machine took p50 ")
                    .append(ms(trip.latency().p50())).append(" ms and p99 ").append(ms(trip.latency().p99()))
                    .append(" ms, so three hops alone come to about ").append(ms(3 * trip.latency().p50()))
                    .append(" ms at the median, and every stall of the broker or a consumer shows in the p99.");
        }
        out.append('\n');
    }

    private static void liveStream(Results r, StringBuilder out) {
        Optional<CrisisBenchmark.StepResult> limiting = limitingStep(r);
        if (limiting.isEmpty()) {
            return;
        }
        CrisisBenchmark.StepResult step = limiting.get();
        out.append("- **Live stream.** It takes the same events from Kafka in a consumer group of its own, without ")
                .append("a transaction or an HTTP call per viewer, so the board sees an offer about as soon as the ")
                .append("provider's webhook (at ").append(whole(step.perSecond())).append("/s: live p50 ")
                .append(ms(step.live().p50())).append(" ms, webhook p50 ").append(ms(step.webhook().p50()))
                .append(" ms). Each event costs notification a lookup of who may see it, one at a time on the ")
                .append("listener thread; the feed is best effort, and a viewer that cannot keep up misses events.\n");
    }

    private static void capacity(Results r, StringBuilder out) {
        if (r.capacity.isEmpty()) {
            return;
        }
        Optional<CapacityBenchmark.StepResult> best = r.capacity.stream().filter(CapacityBenchmark.StepResult::current)
                .reduce((a, b) -> b);
        Optional<CapacityBenchmark.StepResult> failed = r.capacity.stream().filter(step -> !step.current())
                .findFirst();
        out.append("- **Capacity publishes.** The board stayed current up to ")
                .append(best.map(step -> whole(step.perSecond()) + " publications/s").orElse("none of the rates"));
        failed.ifPresent(step -> {
            out.append("; at ").append(whole(step.perSecond())).append("/s ").append(step.verdict())
                    .append(", the machine ").append(percent(step.cpu().machineBusyPercent())).append(" busy");
            largestBacklogOf(step.backlog()).ifPresent(stage -> out.append(", the longest queue ").append(stage));
        });
        out.append(". Every publication is a transaction that locks its figure's row, keeps its history (a ")
                .append("trigger) and writes an event; request-matching and notification each read every event.\n");
    }

    private static void matching(Results r, StringBuilder out) {
        if (r.matching.isEmpty()) {
            return;
        }
        out.append("- **Matching and the number of locations.** ");
        flatness(r).ifPresent(flat -> out.append(flat.flat() ? "Flat in other regions' locations: " : "Not flat in "
                + "other regions' locations: ").append(flat.describe()).append(". The search reads only the ")
                .append("request's region and care type (an index on region and care type), so other regions cost ")
                .append("it nothing. "));
        List<MatchingScaleBenchmark.Row> sizes = r.matching.stream().filter(row -> !row.label().equals("before"))
                .toList();
        if (sizes.size() > 1) {
            MatchingScaleBenchmark.Row smallest = sizes.get(0);
            MatchingScaleBenchmark.Row largest = sizes.get(sizes.size() - 1);
            out.append("It grows with the region's own locations, as every one with a free bed is read and ranked: ")
                    .append(ms(smallest.searchMeanMillis())).append(" ms for ").append(whole(smallest.locations()))
                    .append(", ").append(ms(largest.searchMeanMillis())).append(" ms for ")
                    .append(whole(largest.locations())).append(". ");
            r.jmh.stream().filter(figure -> figure.benchmark().equals("CandidateRankingBenchmark.rankFreeNow")
                            && "10000".equals(figure.params().get("locations"))).findFirst()
                    .ifPresent(figure -> out.append("The ranking alone (JMH, in process) takes ")
                            .append(ms(millis(figure))).append(" ms for 10,000 locations. "));
        }
        if (r.reseed != null && r.reseededLocations > 0) {
            out.append("A region of 10,000 is not in the default run: registering ").append(whole(r.reseededLocations))
                    .append(" locations at start, until matching had read them, took ").append(r.reseed.toSeconds())
                    .append(" s (one location after another, each its own transaction and events), so 10,000 would ")
                    .append("take about ").append(whole(r.reseed.toSeconds() * 10_000.0 / r.reseededLocations))
                    .append(" s; run it with `-Dbenchmark.matching.sizes=10,100,1000,10000`.");
        }
        out.append('\n');
    }

    private static void warmUp(Results r, StringBuilder out) {
        if (r.warmUp.size() < 2) {
            return;
        }
        Results.WarmUpSegment first = r.warmUp.get(0);
        Results.WarmUpSegment last = r.warmUp.get(r.warmUp.size() - 1);
        double jit = first.jitPercent().values().stream().mapToDouble(Double::doubleValue).sum();
        out.append("- **A cold start.** In the first ").append(first.step().duration().toSeconds())
                .append(" s the JIT compilers of the three service JVMs used ").append(percent(jit))
                .append(" of a core between them and the system completed ")
                .append(whole(first.step().webhook().count() / (double) first.step().duration().toSeconds()))
                .append(" offers/s closed loop; after ").append(r.warmUp.stream().mapToLong(segment -> segment.step()
                        .duration().toSeconds()).sum()).append(" s, ")
                .append(whole(last.step().webhook().count() / (double) last.step().duration().toSeconds()))
                .append(" offers/s (warm-up table). Figures taken in the first minutes after a start say more about ")
                .append("the JIT than about the system.\n");
    }

    private static void disturbance(Results r, StringBuilder out) {
        double worst = r.crisis.stream().mapToDouble(step -> otherProcessesPercent(step, r.machine.cores())).max()
                .orElse(0);
        out.append("- **This machine.** Load average ").append(r.loadBefore).append(" before the run and ")
                .append(r.loadAfter).append(" after it");
        if (!r.crisis.isEmpty()) {
            out.append("; other processes took up to ").append(percent(worst))
                    .append(" of a core during a crisis step");
        }
        out.append(". Everything (broker, database, three services, load generator) shares ")
                .append(r.machine.cores()).append(" cores, so each figure also carries the others' work.\n");
    }

    /** A JMH score in milliseconds per call, whatever unit JMH chose. */
    private static double millis(nl.adempauze.benchmarks.jmh.JmhFigure figure) {
        return switch (figure.unit()) {
            case "ns/op" -> figure.score() / 1e6;
            case "us/op" -> figure.score() / 1e3;
            case "ms/op" -> figure.score();
            case "s/op" -> figure.score() * 1e3;
            default -> Double.NaN;
        };
    }

    private static String groupShares(CrisisBenchmark.StepResult step) {
        double total = step.cpu().percentOfCore().entrySet().stream().filter(e -> !e.getKey().equals(LOAD_GENERATOR))
                .mapToDouble(Map.Entry::getValue).sum();
        return String.join(", ", step.cpu().percentOfCore().entrySet().stream()
                .filter(e -> !e.getKey().equals(LOAD_GENERATOR))
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .map(e -> e.getKey() + " " + percent(100 * e.getValue() / total)).toList());
    }

    private static String top(Map<String, Double> shares, int count) {
        return String.join(", ", shares.entrySet().stream().limit(count)
                .map(e -> e.getKey() + " " + percent(e.getValue())).toList());
    }

    private static Optional<String> largestBacklog(CrisisBenchmark.StepResult step) {
        return largestBacklogOf(step.backlog());
    }

    private static Optional<String> largestBacklogOf(Map<String, Long> backlog) {
        return backlog.entrySet().stream().filter(e -> e.getValue() > 0)
                .max(Comparator.comparingLong(Map.Entry::getValue))
                .map(e -> describeStage(e.getKey()) + " (" + whole(e.getValue()) + ")");
    }

    /** A backlog stage in words: which consumer, outbox or sender. */
    private static String describeStage(String stage) {
        return switch (stage) {
            case "lag notification" -> "notification's webhook consumer (events not yet read)";
            case "lag notification-live" -> "notification's live-stream consumer (events not yet read)";
            case "lag request-matching-holds" -> "request-matching's consumer of hold outcomes (events not yet read)";
            case "lag request-matching-replica" -> "request-matching's consumer of locations and capacity (events "
                    + "not yet read)";
            case "lag bed-availability" -> "bed-availability's consumer of hold requests (events not yet read)";
            case "webhooks pending" -> "webhook deliveries not yet made";
            default -> stage.startsWith("outbox ") ? stage.substring(7) + "'s outbox (events not yet relayed)" : stage;
        };
    }
}
