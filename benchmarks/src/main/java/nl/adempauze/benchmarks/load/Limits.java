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

    /** The sum of the per-request counters whose name starts with {@code prefix} (NaN counts as 0). */
    public static double total(Map<String, Double> perRequest, String prefix) {
        return perRequest.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(e -> Double.isNaN(e.getValue()) ? 0 : e.getValue()).sum();
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
        double records = total(step.workPerRequest(), "records ");
        double transactions = total(step.workPerRequest(), "transactions ");
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
            out.append(String.join("; ", parts)).append(". Of our own code, the most on the stack: ");
            List<String> operations = new ArrayList<>();
            profiles.forEach((service, profile) -> profile.java().byOperation().entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("(")).findFirst()
                    .ifPresent(e -> operations.add(e.getKey() + " " + percent(e.getValue()) + " in " + service)));
            out.append(String.join(", ", operations)).append(" (EventCodec reads and writes each event's JSON and ")
                    .append("checks it against its JSON Schema, at every producer and every consumer). ")
                    .append("(Shares of Java execution samples by library; ")
                    .append("\"Metrics and tracing\" is Micrometer's observation and context propagation around every ")
                    .append("reactive operator, HTTP call, query and Kafka record, with every trace sampled.)");
        }
 
        largestBacklogOf(step.backlog()).ifPresent(stage -> out.append(" When sending stopped, the longest queue ")
                .append("was at ").append(stage).append(": the consumers take their records one at a time, each in ")
                .append("its own transaction, so the first to fall behind is the one with the most records per ")
                .append("request").append(largestStage(step.backlog()).filter("lag notification"::equals).isPresent()
                        ? " (notification's webhook consumer reads every event of four topics, three per crisis "
                        + "request)." : "."));
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
        List<String> calm = r.crisis.stream().filter(other -> !other.saturated() && other.perSecond() < 50)
                .map(other -> whole(other.perSecond()) + " requests/s p50 " + ms(other.webhook().p50()) + " ms, p99 "
                        + ms(other.webhook().p99()) + " ms with the machine "
                        + percent(other.cpu().machineBusyPercent()) + " busy (POST alone p50 " + ms(other.post().p50())
                        + " ms)").toList();
        if (!calm.isEmpty()) {
            out.append(" Below it: ").append(String.join("; ", calm)).append(". The p99 grows with how busy the ")
                    .append("cores are: every hop waits for a core, and a garbage collection or a compilation in ")
                    .append("any of five JVMs delays whatever crosses it.");
        }
        r.crisis.stream().filter(other -> !other.saturated() && other.toOffer().count() > 0).findFirst()
                .ifPresent(first -> out.append(" Where the time goes, at ").append(whole(first.perSecond()))
                        .append(" requests/s: ").append(ms(first.toOffer().p50())).append(" ms (p50) up to the offer ")
                        .append("(the POST, then the hold asked of bed-availability and its answer, two Kafka hops), ")
                        .append(ms(first.offerToWebhook().p50())).append(" ms from the offer to the provider's ")
                        .append("webhook (one hop, notification's transaction and the delivery)."));
        if (!r.kafkaRoundTrips.isEmpty()) {
            KafkaCeiling.RoundTrip trip = r.kafkaRoundTrips.get(0);
            out.append(" The floor: a crisis request crosses three Kafka hops (hold requested, bed held, offer ")
                    .append("made), each behind a transaction and an outbox relay, before notification records and ")
                    .append("sends the webhook; the broker's own produce → consume round trip on this machine took ")
                    .append("p50 ").append(ms(trip.latency().p50())).append(" ms and p99 ")
                    .append(ms(trip.latency().p99())).append(" ms, so three hops alone come to about ")
                    .append(ms(3 * trip.latency().p50())).append(" ms at the median, and every stall of the broker ")
                    .append("or a consumer shows in the p99.");
        }
        out.append('\n');
    }

    private static void liveStream(Results r, StringBuilder out) {
        Optional<CrisisBenchmark.StepResult> limiting = limitingStep(r);
        if (limiting.isEmpty()) {
            return;
        }
        CrisisBenchmark.StepResult step = limiting.get();
        out.append("- **Live stream.** notification reads the same events in a consumer group of its own and streams ")
                .append("them without a transaction or an HTTP call per viewer (at ").append(whole(step.perSecond()))
                .append("/s: live p50 ").append(ms(step.live().p50())).append(" ms, webhook p50 ")
                .append(ms(step.webhook().p50())).append(" ms; ").append(whole(step.live().count())).append(" of ")
                .append(whole(step.created())).append(" offers seen live). Each event costs it a database lookup of ")
                .append("who may see it, one at a time on the listener thread; the feed is best effort, so a viewer ")
                .append("that cannot keep up misses events rather than slowing the others.\n");
    }

    private static void capacity(Results r, StringBuilder out) {
        if (r.capacity.isEmpty()) {
            return;
        }
        Optional<CapacityBenchmark.StepResult> best = r.capacity.stream().filter(CapacityBenchmark.StepResult::current)
                .reduce((a, b) -> b);
        Optional<CapacityBenchmark.StepResult> failed = r.capacity.stream().filter(step -> !step.current())
                .findFirst();
        out.append("- **Capacity publishes.** ").append(best.map(step -> "The board stayed current up to "
                + whole(step.perSecond()) + " publications/s").orElse("The board stayed current at none of the rates"));
        failed.ifPresent(step -> {
            out.append("; at ").append(whole(step.perSecond())).append("/s ").append(step.verdict())
                    .append(", the machine ").append(percent(step.cpu().machineBusyPercent())).append(" busy");
            largestBacklogOf(step.backlog()).ifPresent(stage -> out.append(", the longest queue at ").append(stage));
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
            rankFreeNow(r, largest.locations()).ifPresent(figure -> out.append("Ranking them in memory is ")
                    .append(ms(millis(figure))).append(" ms of that (JMH); the rest is reading the candidates from ")
                    .append("the database, each with its contracts and its recent answers to offers. "));
            rankFreeNow(r, 10_000).ifPresent(figure -> out.append("The ranking of 10,000 takes ")
                    .append(ms(millis(figure))).append(" ms in memory. "));
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

    private static Optional<nl.adempauze.benchmarks.jmh.JmhFigure> rankFreeNow(Results r, int locations) {
        return r.jmh.stream().filter(figure -> figure.benchmark().equals("CandidateRankingBenchmark.rankFreeNow")
                && String.valueOf(locations).equals(figure.params().get("locations"))).findFirst();
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

    private static Optional<String> largestStage(Map<String, Long> backlog) {
        return backlog.entrySet().stream().filter(e -> e.getValue() > 0)
                .max(Comparator.comparingLong(Map.Entry::getValue)).map(Map.Entry::getKey);
    }

    private static Optional<String> largestBacklogOf(Map<String, Long> backlog) {
        return backlog.entrySet().stream().filter(e -> e.getValue() > 0)
                .max(Comparator.comparingLong(Map.Entry::getValue))
                .map(e -> describeStage(e.getKey(), e.getValue()));
    }

    /** A backlog stage and its size in words: which consumer, outbox or sender, and how much waited there. */
    private static String describeStage(String stage, long size) {
        String events = whole(size) + " events not yet read";
        return switch (stage) {
            case "lag notification" -> "notification's webhook consumer, " + events;
            case "lag notification-live" -> "notification's live-stream consumer, " + events;
            case "lag request-matching-holds" -> "request-matching's consumer of hold outcomes, " + events;
            case "lag request-matching-replica" -> "request-matching's consumer of locations and capacity, " + events;
            case "lag bed-availability" -> "bed-availability's consumer of hold requests, " + events;
            case "webhooks pending" -> "notification's webhook sender, " + whole(size) + " deliveries not yet made";
            default -> stage.startsWith("outbox ") ? stage.substring(7) + "'s outbox, " + whole(size)
                    + " events not yet relayed" : stage + " " + whole(size);
        };
    }
}
