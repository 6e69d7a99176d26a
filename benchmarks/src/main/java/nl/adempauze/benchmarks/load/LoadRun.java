package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.adempauze.localstack.process.ServiceProcess;

/**
 * Parts (a) to (e) on one running system, in an order that keeps them from disturbing each other: the generated
 * regions' matching first (on a fresh system, before and after more regions are added), then the crisis load, the
 * capacity load, the memory after the load, and last the broker's and the database's own ceilings, while the
 * services stand idle.
 */
public final class LoadRun {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final double CEILING_RATE = 50;
    private static final Duration QUIET_LIMIT = Duration.ofSeconds(90);
    /** bed-availability's JVM is new after the restart with more regions: its hot path compiled again. */
    private static final Duration AFTER_RESEED_WARM_UP = Duration.ofSeconds(10);
    private static final double AFTER_RESEED_RATE = 20;

    private final RunSettings settings;
    private final Results results;
    private final Path repository;
    private final Path work;
    private BedAvailabilityReseed reseeded;

    public LoadRun(RunSettings settings, Results results, Path repository) {
        this.settings = settings;
        this.results = results;
        this.repository = repository;
        this.work = repository.resolve("benchmarks").resolve("target");
    }

    public void run() {
        RegionPicture drenthe = RegionPicture.of(repository.resolve("seeds").resolve("drenthe.json"));
        List<Path> seeds = new ArrayList<>(List.of(repository.resolve("seeds").resolve("drenthe.json")));
        int smallest = settings.regionSizes().get(0);
        if (settings.runs("e")) {
            seeds.add(BenchRegions.write(work.resolve("benchmark-seeds"), smallest));
        }
        Path stackDirectory = work.resolve("benchmark-stack");
        deleteLeftovers(stackDirectory);
        results.settings.put("Seeds at start", seeds.stream().map(path -> repository.relativize(path.toAbsolutePath())
                .toString()).collect(Collectors.joining(", ")));
        Path users = BenchRegions.writeUsers(work.resolve("benchmark-seeds"), repository.resolve("seeds")
                .resolve("demo-users.json"), settings.regionSizes());
        try (BenchmarkStack stack = BenchmarkStack.start(stackDirectory, seeds, users);
             WebhookReceiver receiver = new WebhookReceiver();
             Backlog backlog = new Backlog(stack.processes().kafka().bootstrapServers(), stack.processes().postgres());
             LiveStream board = LiveStream.open(stack.web(), stack.notification() + "/api/v1/live?region="
                     + drenthe.id(), stack.tokens().bearer("coordinator-drenthe"))) {
            results.stackStartup = stack.startup();
            describeSettings(stack);
            Probes probes = new Probes(cpuUse(stack, stackDirectory), backlog,
                    new WorkCounters(backlog.admin(), stack.processes().postgres()));
            CrisisBenchmark crisis = new CrisisBenchmark(stack, drenthe);
            ServiceProfiles profiles = new ServiceProfiles(stack.processes().services(),
                    service -> pidOf(stack, service), stackDirectory.resolve("profiles"));
            CapacityBenchmark capacity = new CapacityBenchmark(stack, drenthe);
            receiver.onEvent(crisis::onWebhook);
            board.onEvent(event -> {
                crisis.onLive(event);
                capacity.onLive(event);
            });
            crisis.prepare(receiver);
            if (settings.runs("a")) {
                startProfiles(profiles);
            }
            if (settings.runs("a") || settings.runs("b") || settings.runs("e")) {
                warmUp(stack, crisis, probes);
            }
            attempt("a", () -> crisisSteps(crisis, probes, profiles, backlog));
            attempt("a", () -> profiles.finish().forEach((rate, byService) -> results.crisisProfiles.put((Double) rate,
                    byService)));
            attempt("b", () -> capacitySteps(capacity, probes));
            attempt("d", () -> memory(stack));
            attempt("e", () -> matching(stack, drenthe.locations(), crisis, probes));
            attempt("c", () -> ceilings(stack));
        } finally {
            if (reseeded != null) {
                reseeded.close();
            }
        }
    }

    /**
     * Crisis requests closed loop (a new one whenever fewer than a few wait for their offer), in segments without
     * pause: the three JVMs compile their hot code under load, as fast as the system goes at each moment, without
     * a queue that the steps would inherit. Each segment's figures and JIT compiler CPU are kept, to show the curve
     * (the figures settle only after minutes), not as results.
     */
    private void warmUp(BenchmarkStack stack, CrisisBenchmark crisis, Probes probes) {
        log("warm-up: %d segments of %d s, closed loop with %d requests waiting at most",
                settings.warmUpSegments(), settings.warmUpSegment().toSeconds(), settings.warmUpConcurrency());
        List<CrisisBenchmark.Run> runs = new ArrayList<>();
        List<Map<String, Double>> compiling = new ArrayList<>();
        for (int segment = 0; segment < settings.warmUpSegments(); segment++) {
            Map<String, Map<String, Double>> before = threadKinds(stack);
            long started = System.nanoTime();
            runs.add(crisis.sendClosed(settings.warmUpConcurrency(), settings.warmUpSegment(), probes));
            double wall = (System.nanoTime() - started) / 1e9;
            Map<String, Double> jit = new LinkedHashMap<>();
            threadKinds(stack).forEach((service, after) -> jit.put(service, ThreadCpu.percent(before.get(service),
                    after, wall).get(ThreadCpu.JIT)));
            compiling.add(jit);
        }
        LoadStep.await(() -> runs.stream().allMatch(CrisisBenchmark.Run::drained), CrisisBenchmark.DRAIN_LIMIT);
        for (int i = 0; i < runs.size(); i++) {
            results.warmUp.add(new Results.WarmUpSegment(crisis.finish(runs.get(i), Duration.ZERO, probes, false),
                    compiling.get(i)));
        }
        crisis.forgetUnmatched();
    }

    private Map<String, Map<String, Double>> threadKinds(BenchmarkStack stack) {
        Map<String, Map<String, Double>> kinds = new LinkedHashMap<>();
        for (ServiceProcess service : stack.processes().services()) {
            kinds.put(service.name(), ThreadCpu.snapshot(pidOf(stack, service)));
        }
        return kinds;
    }

    private void crisisSteps(CrisisBenchmark crisis, Probes probes, ServiceProfiles profiles, Backlog backlog)
            throws IOException {
        int beds = crisis.bedsAvailable();
        int needed = results.warmUp.stream().mapToInt(segment -> (int) segment.step().created()).sum()
                + (int) (AFTER_RESEED_RATE * AFTER_RESEED_WARM_UP.toSeconds());
        for (double rate : settings.crisisRates()) {
            needed += (int) (rate * RunSettings.crisisStep(rate).toSeconds());
        }
        results.settings.put("Crisis beds", String.format(Locale.ROOT, "%,d free (1000 at each of the region's "
                + "%s locations), %,d needed by the warm-ups and all steps", beds, CrisisBenchmark.CARE_TYPES, needed));
        for (double rate : settings.crisisRates()) {
            Duration duration = RunSettings.crisisStep(rate);
            log("crisis: %.0f requests/s for %d s", rate, duration.toSeconds());
            profiles.open();
            CrisisBenchmark.StepResult step = crisis.step(rate, duration, probes);
            profiles.close(rate);
            results.crisis.add(step);
            log("  %s; webhook p50 %s p99 %s ms; live p99 %s ms", step.verdict(),
                    MarkdownTable.ms(step.webhook().p50()), MarkdownTable.ms(step.webhook().p99()),
                    MarkdownTable.ms(step.live().p99()));
            crisis.forgetUnmatched();
            if (step.saturated()) {
                awaitQuiet(backlog);
                break;
            }
            pause(Duration.ofSeconds(3));
        }
    }

    private void describeSettings(BenchmarkStack stack) {
        results.settings.put("Service JVMs", "each service in a JVM of its own: `" + String.join(" ",
                BenchmarkStack.SERVICE_JVM_OPTIONS) + "`, the JVM's default collector and JIT; services called on "
                + "their own ports (no front door)");
        results.settings.put("Service properties", "the local stack's (local profile, development issuer), and `"
                + BenchmarkStack.SERVICE_PROPERTIES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("`, `")) + "`");
        results.settings.put("Broker", "one KRaft node (broker and controller) in a JVM of its own, log on disk, "
                + "3 partitions per topic");
        results.settings.put("Database", "one embedded PostgreSQL server, a database per service; "
                + DatabaseCeiling.commitSettings(stack.processes().postgres()) + " (with synchronous_commit off, the "
                + "embedded server's default, a commit does not wait for its WAL to reach the disk)");
        results.settings.put("Load generator", "this JVM (max heap " + Runtime.getRuntime().maxMemory() / 1024 / 1024
                + " MiB): reactor-netty WebClient with up to " + Http.MAX_CONNECTIONS + " connections; the webhook "
                + "receiver a JDK HttpServer on loopback with 16 threads, answering 204; live streams read as "
                + "Server-Sent Events (coordinator-drenthe, and for (e) a coordinator of the generated regions)");
        results.settings.put("Profiling", "one Flight Recorder recording per service (the JDK's default settings, "
                + "about 1% overhead) from before the warm-up to the end of the crisis steps; CPU from /proc");
        results.settings.put("Warm-up", settings.warmUpSegments() + " × " + settings.warmUpSegment().toSeconds()
                + " s closed loop, at most " + settings.warmUpConcurrency() + " requests waiting for their offer");
        results.settings.put("Crisis steps", settings.crisisRates().stream().map(rate -> whole(rate) + "/s for "
                + RunSettings.crisisStep(rate).toSeconds() + " s").collect(Collectors.joining(", "))
                + "; up to " + CrisisBenchmark.DRAIN_LIMIT.toSeconds() + " s for late offers; a step stops early "
                + "once more than " + CrisisBenchmark.BACKLOG.toSeconds() + " s of requests (at least "
                + CrisisBenchmark.MIN_BACKLOG + ") wait for their offer");
        results.settings.put("Capacity steps", settings.capacityRates().stream().map(MarkdownTable::whole)
                .collect(Collectors.joining(", ")) + " publications/s, " + settings.capacityStep().toSeconds()
                + " s each, until the board is not current");
        results.settings.put("Matching steps", settings.matchingRequests() + " requests per region after "
                + MatchingScaleBenchmark.WARM_UP_REQUESTS + " not measured; regions of "
                + settings.regionSizes().stream().map(MarkdownTable::whole).collect(Collectors.joining(", "))
                + " locations");
    }

    private static String whole(double value) {
        return MarkdownTable.whole(value);
    }

    /** After a saturated step: waits until the system has worked off its backlog, so the next part starts clean. */
    private void awaitQuiet(Backlog backlog) {
        long started = System.nanoTime();
        boolean quiet = LoadStep.await(() -> backlog.snapshot().values().stream().mapToLong(Long::longValue).sum()
                == 0, QUIET_LIMIT);
        results.settings.put("After the saturated step", String.format(Locale.ROOT, "%s after %d s",
                quiet ? "backlog worked off" : "backlog still there", (System.nanoTime() - started) / 1_000_000_000L));
    }

    /** Profiles are evidence, not figures: without them (no jcmd, say) the step still runs. */
    private void startProfiles(ServiceProfiles profiles) {
        try {
            profiles.start();
        } catch (IOException | RuntimeException e) {
            results.failures.add("(a) no profile of the services: " + e);
        }
    }

    private void capacitySteps(CapacityBenchmark capacity, Probes probes) {
        results.settings.put("Capacity publications", "round the " + capacity.figures() + " free-now figures of "
                + CapacityBenchmark.CARE_TYPES + " in the region, each a new number of free beds");
        for (double rate : settings.capacityRates()) {
            log("capacity: %.0f publications/s for %d s", rate, settings.capacityStep().toSeconds());
            CapacityBenchmark.StepResult step = capacity.step(rate, settings.capacityStep(), probes);
            results.capacity.add(step);
            log("  %s; visible p50 %s p99 %s ms", step.verdict(), MarkdownTable.ms(step.visible().p50()),
                    MarkdownTable.ms(step.visible().p99()));
            if (!step.current()) {
                break;
            }
            pause(Duration.ofSeconds(2));
        }
    }

    private void matching(BenchmarkStack stack, int drentheLocations, CrisisBenchmark crisis, Probes probes) {
        List<Integer> sizes = settings.regionSizes();
        int smallest = sizes.get(0);
        int requests = settings.matchingRequests();
        try (LiveStream board = LiveStream.open(stack.web(), stack.notification() + "/api/v1/live",
                stack.tokens().bearer(BenchRegions.COORDINATOR))) {
            MatchingScaleBenchmark matching = new MatchingScaleBenchmark(stack);
            board.onEvent(matching::onLive);
            log("matching: %d requests in %s before other regions are added", requests, BenchRegions.id(smallest));
            results.matching.add(matching.measure("before", smallest, drentheLocations, requests));
            List<Path> seeds = new ArrayList<>(List.of(repository.resolve("seeds").resolve("drenthe.json")));
            int added = 0;
            for (int size : sizes) {
                seeds.add(BenchRegions.write(work.resolve("benchmark-seeds"), size));
                added += size == smallest ? 0 : size;
            }
            results.reseededLocations = added;
            log("matching: bed-availability starts again with %s more locations in %d more regions", added,
                    sizes.size() - 1);
            long started = System.nanoTime();
            reseeded = BedAvailabilityReseed.restart(stack.processes().bedAvailability(), seeds.stream()
                    .map(path -> path.toAbsolutePath().toString()).collect(Collectors.joining(",")), READY_TIMEOUT);
            matching.awaitReplicaCaughtUp(READY_TIMEOUT);
            results.reseed = Duration.ofNanos(System.nanoTime() - started);
            log("  took %d s; warm-up again", results.reseed.toSeconds());
            crisis.finish(crisis.send(AFTER_RESEED_RATE, AFTER_RESEED_WARM_UP, probes, false),
                    CrisisBenchmark.DRAIN_LIMIT, probes, false);
            crisis.forgetUnmatched();
            int all = drentheLocations + sizes.stream().mapToInt(Integer::intValue).sum();
            for (int size : sizes) {
                log("matching: %d requests in %s", requests, BenchRegions.id(size));
                results.matching.add(matching.measure(size == smallest ? "after" : "", size, all - size, requests));
            }
        }
    }

    private void memory(BenchmarkStack stack) {
        for (ServiceProcess service : stack.processes().services()) {
            results.memory.add(ServiceMemory.of(service.name(), pidOf(stack, service)));
        }
    }

    private void ceilings(BenchmarkStack stack) {
        try (KafkaCeiling kafka = new KafkaCeiling(stack.processes().kafka().bootstrapServers())) {
            double sustained = results.crisis.stream().filter(step -> !step.saturated())
                    .mapToDouble(CrisisBenchmark.StepResult::perSecond).max().orElse(CEILING_RATE);
            for (double rate : sustained > CEILING_RATE ? List.of(CEILING_RATE, sustained) : List.of(CEILING_RATE)) {
                log("ceiling: Kafka round trips at %.0f/s", rate);
                results.kafkaRoundTrips.add(kafka.roundTrip(rate, Duration.ofSeconds(5)));
            }
            log("ceiling: Kafka throughput");
            results.kafkaThroughput = kafka.throughput(Duration.ofSeconds(5));
        }
        DatabaseCeiling database = new DatabaseCeiling(stack.processes().postgres());
        results.databaseSettings = DatabaseCeiling.commitSettings(stack.processes().postgres());
        log("ceiling: one-row UPDATE transactions");
        results.database.add(database.run(1, true, Duration.ofSeconds(4)));
        results.database.add(database.run(4, true, Duration.ofSeconds(3)));
        results.database.add(database.run(4, false, Duration.ofSeconds(3)));
    }

    private CpuUse cpuUse(BenchmarkStack stack, Path stackDirectory) {
        CpuUse cpu = new CpuUse();
        for (ServiceProcess service : stack.processes().services()) {
            cpu.group(service.name(), () -> List.of(pidOf(stack, service)));
        }
        return cpu.group("Kafka broker", CpuUse.commandLineContaining("kafka-broker",
                        stackDirectory.toAbsolutePath().toString()))
                .group("PostgreSQL", CpuUse.postgres(stackDirectory.toAbsolutePath().resolve("postgres")))
                .group(Limits.LOAD_GENERATOR, CpuUse.self());
    }

    /** The service's process now: bed-availability's own once it was started again with more regions. */
    private long pidOf(BenchmarkStack stack, ServiceProcess service) {
        if (reseeded != null && service == stack.processes().bedAvailability()) {
            return reseeded.pid();
        }
        return service.pid();
    }

    /** What an interrupted run left (a database on the same port would refuse to be created again). */
    private static void deleteLeftovers(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A part's work; it may fail with any exception, which the report then names. */
    private interface Part {
        void run() throws Exception;
    }

    private void attempt(String part, Part work) {
        if (!settings.runs(part)) {
            return;
        }
        try {
            work.run();
        } catch (Exception e) {
            results.failures.add("(" + part + ") " + e);
            log("part %s failed: %s", part, e);
        }
    }

    private static void pause(Duration duration) {
        java.util.concurrent.locks.LockSupport.parkNanos(duration.toNanos());
    }

    static void log(String format, Object... arguments) {
        System.out.printf(Locale.ROOT, "[benchmark] " + format + "%n", arguments);
    }
}
