package nl.adempauze.benchmarks.load;

import static nl.adempauze.benchmarks.load.MarkdownTable.ms;
import static nl.adempauze.benchmarks.load.MarkdownTable.whole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.adempauze.localstack.process.ServiceProcess;

/**
 * Parts (a) to (e) on one running system, in an order that keeps them from disturbing each other: the crisis load
 * after a closed-loop warm-up, the capacity load, the memory after the load, the generated regions' matching
 * (before and after more regions are added), and last the broker's and the database's own ceilings, while the
 * services stand idle.
 */
public final class LoadRun {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    /** bed-availability's JVM is new after the restart with more regions: its hot path compiled again. */
    private static final Duration AFTER_RESEED_WARM_UP = Duration.ofSeconds(10);
    private static final double AFTER_RESEED_RATE = 20;

    private final RunSettings settings;
    private final Results results;
    private final Path repository;
    private final Path work;
    private final Path stackDirectory;
    private BedAvailabilityReseed reseeded;

    public LoadRun(RunSettings settings, Results results, Path repository) {
        this.settings = settings;
        this.results = results;
        this.repository = repository;
        this.work = repository.resolve("benchmarks").resolve("target");
        this.stackDirectory = work.resolve("benchmark-stack").toAbsolutePath();
    }

    public void run() {
        Path drentheSeed = repository.resolve("seeds").resolve("drenthe.json");
        RegionPicture drenthe = RegionPicture.of(drentheSeed);
        List<Path> seeds = new ArrayList<>(List.of(drentheSeed));
        if (settings.runs("e")) {
            seeds.add(BenchRegions.write(work.resolve("benchmark-seeds"), settings.regionSizes().get(0)));
        }
        deleteLeftovers(stackDirectory);
        results.settings.put("Seeds at start", seeds.stream().map(path -> repository.relativize(path.toAbsolutePath())
                .toString()).collect(Collectors.joining(", ")));
        Path users = BenchRegions.writeUsers(work.resolve("benchmark-seeds"), repository.resolve("seeds")
                .resolve("demo-users.json"), settings.regionSizes());
        long starting = System.nanoTime();
        try (BenchmarkStack stack = BenchmarkStack.start(stackDirectory, seeds, users);
             WebhookReceiver receiver = new WebhookReceiver();
             SystemCounters counters = new SystemCounters(stack.processes().kafka().bootstrapServers(),
                     stack.processes().postgres());
             LiveStream board = LiveStream.open(stack.web(), stack.notification() + "/api/v1/live?region="
                     + drenthe.id(), stack.tokens().bearer("coordinator-drenthe"))) {
            results.settings.put("System start", (System.nanoTime() - starting) / 1_000_000_000L
                    + " s (broker, database, issuer, three services ready)");
            Probes probes = new Probes(cpuUse(stack), counters);
            CrisisBenchmark crisis = new CrisisBenchmark(stack, drenthe);
            describeSettings(stack, crisis);
            CapacityBenchmark capacity = new CapacityBenchmark(stack, drenthe);
            receiver.onEvent(crisis::onWebhook);
            board.onEvent(event -> {
                crisis.onLive(event);
                capacity.onLive(event);
            });
            crisis.prepare(receiver);
            attempt("profile", () -> recordings(stack, true));
            if (settings.runs("a") || settings.runs("b") || settings.runs("e")) {
                warmUp(crisis);
            }
            attempt("a", () -> crisisSteps(crisis, probes));
            attempt("profile", () -> recordings(stack, false));
            attempt("b", () -> capacitySteps(capacity));
            attempt("d", () -> memory(stack));
            attempt("e", () -> matching(stack, drenthe.locations(), crisis, counters));
            attempt("c", () -> ceilings(stack));
        } finally {
            if (reseeded != null) {
                reseeded.close();
            }
        }
    }

    /**
     * Crisis requests closed loop (a new one whenever fewer than a few wait for their offer): the three JVMs
     * compile their hot code under load, as fast as the system goes at each moment, without a queue that the
     * steps would inherit.
     */
    private void warmUp(CrisisBenchmark crisis) {
        log("warm-up: %d s closed loop", settings.warmUp().toSeconds());
        CrisisBenchmark.Run run = crisis.sendClosed(RunSettings.WARM_UP_CONCURRENCY, settings.warmUp());
        LoadStep.await(run::drained, CrisisBenchmark.DRAIN_LIMIT);
        crisis.forgetUnmatched();
    }

    private void crisisSteps(CrisisBenchmark crisis, Probes probes) {
        for (double rate : settings.crisisRates()) {
            Duration duration = RunSettings.crisisStep(rate);
            log("crisis: %.0f requests/s for %d s", rate, duration.toSeconds());
            CrisisBenchmark.StepResult step = crisis.step(rate, duration, probes);
            results.crisis.add(step);
            log("  %s; webhook p50 %s p99 %s ms", step.verdict(), ms(step.webhook().p50()), ms(step.webhook().p99()));
            crisis.forgetUnmatched();
            if (step.saturated()) {
                break;
            }
            LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
        }
    }

    /**
     * Starts ({@code start}) or stops a Flight Recorder recording in every service, from before the warm-up to the
     * end of the crisis steps: one recording throughout, as one started later would make the JVM recompile what
     * it had compiled in the middle of the figures.
     */
    private void recordings(BenchmarkStack stack, boolean start) throws IOException {
        Path profiles = Files.createDirectories(work.resolve("benchmark-profiles"));
        for (ServiceProcess service : stack.processes().services()) {
            if (start) {
                Jcmd.startRecording(pidOf(stack, service), profiles.resolve(service.name() + ".jfr"));
            } else {
                Jcmd.stopRecording(pidOf(stack, service));
            }
        }
    }

    private void capacitySteps(CapacityBenchmark capacity) {
        results.settings.put("Capacity publications", "round the " + capacity.figures() + " free-now figures of "
                + CapacityBenchmark.CARE_TYPES + " in the region");
        for (double rate : RunSettings.CAPACITY_RATES) {
            log("capacity: %.0f publications/s for %d s", rate, RunSettings.CAPACITY_STEP.toSeconds());
            CapacityBenchmark.StepResult step = capacity.step(rate, RunSettings.CAPACITY_STEP);
            results.capacity.add(step);
            log("  %s; visible p50 %s p99 %s ms", step.verdict(), ms(step.visible().p50()), ms(step.visible().p99()));
            if (!step.current()) {
                break;
            }
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
        }
    }

    private void memory(BenchmarkStack stack) throws IOException {
        for (ServiceProcess service : stack.processes().services()) {
            results.memory.add(ServiceMemory.of(service.name(), pidOf(stack, service)));
        }
    }

    private void matching(BenchmarkStack stack, int drentheLocations, CrisisBenchmark crisis,
                          SystemCounters counters) {
        List<Integer> sizes = settings.regionSizes();
        int smallest = sizes.get(0);
        int requests = RunSettings.MATCHING_REQUESTS;
        try (LiveStream board = LiveStream.open(stack.web(), stack.notification() + "/api/v1/live",
                stack.tokens().bearer(BenchRegions.COORDINATOR))) {
            MatchingScaleBenchmark matching = new MatchingScaleBenchmark(stack);
            board.onEvent(matching::onLive);
            log("matching: %d requests in %s before other regions are added", requests, BenchRegions.id(smallest));
            results.matching.add(matching.measure("before", smallest, drentheLocations, requests));
            List<Path> seeds = new ArrayList<>(List.of(repository.resolve("seeds").resolve("drenthe.json")));
            sizes.forEach(size -> seeds.add(BenchRegions.write(work.resolve("benchmark-seeds"), size)));
            results.reseededLocations = sizes.stream().mapToInt(Integer::intValue).sum() - smallest;
            log("matching: bed-availability starts again with %d more locations", results.reseededLocations);
            long started = System.nanoTime();
            reseeded = BedAvailabilityReseed.restart(stack.processes().bedAvailability(), seeds.stream()
                    .map(path -> path.toAbsolutePath().toString()).collect(Collectors.joining(",")), READY_TIMEOUT);
            MatchingScaleBenchmark.awaitReplicaCaughtUp(counters, READY_TIMEOUT);
            results.reseed = Duration.ofNanos(System.nanoTime() - started);
            log("  took %d s; warm-up again", results.reseed.toSeconds());
            CrisisBenchmark.Run warmUp = crisis.send(AFTER_RESEED_RATE, AFTER_RESEED_WARM_UP, false);
            LoadStep.await(warmUp::drained, CrisisBenchmark.DRAIN_LIMIT);
            crisis.forgetUnmatched();
            int all = drentheLocations + sizes.stream().mapToInt(Integer::intValue).sum();
            for (int size : sizes) {
                log("matching: %d requests in %s", requests, BenchRegions.id(size));
                results.matching.add(matching.measure(size == smallest ? "after" : "", size, all - size, requests));
            }
        }
    }

    private void ceilings(BenchmarkStack stack) {
        String kafka = stack.processes().kafka().bootstrapServers();
        log("ceiling: Kafka's EndToEndLatency and ProducerPerformance");
        results.kafka.add(KafkaCeiling.roundTrip(kafka));
        results.kafka.add(KafkaCeiling.producerThroughput(kafka));
        log("ceiling: one-row UPDATE transactions");
        DatabaseCeiling database = new DatabaseCeiling(stack.processes().postgres());
        results.database.add(database.run(1, true, Duration.ofSeconds(4)));
        results.database.add(database.run(4, true, Duration.ofSeconds(3)));
        results.database.add(database.run(4, false, Duration.ofSeconds(3)));
    }

    private void describeSettings(BenchmarkStack stack, CrisisBenchmark crisis) {
        Map<String, String> rows = results.settings;
        rows.put("Service JVMs", "`" + String.join(" ", BenchmarkStack.SERVICE_JVM_OPTIONS) + "`, the JVM's default "
                + "JIT");
        rows.put("Service properties", "the local stack's, and `" + BenchmarkStack.SERVICE_PROPERTIES.entrySet()
                .stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("`, `")) + "`");
        rows.put("Database", DatabaseCeiling.commitSettings(stack.processes().postgres()));
        rows.put("Load generator", "this JVM, max heap " + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MiB, "
                + "up to " + BenchmarkStack.MAX_CONNECTIONS + " connections");
        rows.put("Warm-up", settings.warmUp().toSeconds() + " s closed loop, at most "
                + RunSettings.WARM_UP_CONCURRENCY + " requests waiting for their offer");
        rows.put("Crisis steps", settings.crisisRates().stream().map(rate -> whole(rate) + "/s for "
                + RunSettings.crisisStep(rate).toSeconds() + " s").collect(Collectors.joining(", ")));
        rows.put("Crisis beds", String.format(Locale.ROOT, "%,d free (%d at each location of %s)",
                crisis.bedsAvailable(), CrisisBenchmark.BEDS_PER_LOCATION, CrisisBenchmark.CARE_TYPES));
        rows.put("Capacity steps", RunSettings.CAPACITY_RATES.stream().map(MarkdownTable::whole)
                .collect(Collectors.joining(", ")) + " publications/s, " + RunSettings.CAPACITY_STEP.toSeconds()
                + " s each");
        rows.put("Matching steps", RunSettings.MATCHING_REQUESTS + " requests per region after "
                + MatchingScaleBenchmark.WARM_UP_REQUESTS + " not measured; regions of " + settings.regionSizes()
                .stream().map(MarkdownTable::whole).collect(Collectors.joining(", ")) + " locations");
        rows.put("Profiles", settings.runs("profile") ? "Flight Recorder, one recording per service from the warm-up "
                + "to the end of the crisis steps: " + repository.relativize(work.resolve("benchmark-profiles"))
                + "/<service>.jfr" : "none (the part `profile` was not asked for; (d) measures the services as they run "
                + "in production)");
    }

    private CpuUse cpuUse(BenchmarkStack stack) {
        CpuUse cpu = new CpuUse();
        for (ServiceProcess service : stack.processes().services()) {
            cpu.group(service.name(), CpuUse.process(() -> pidOf(stack, service)));
        }
        return cpu.group("Kafka broker", CpuUse.commandLineContaining("kafka-broker", stackDirectory.toString()))
                .group("PostgreSQL", CpuUse.postgres(stackDirectory.resolve("postgres")))
                .group(CpuUse.LOAD_GENERATOR, () -> Stream.of(ProcessHandle.current()));
    }

    /** The service's process now: bed-availability's own once it was started again with more regions. */
    private long pidOf(BenchmarkStack stack, ServiceProcess service) {
        return reseeded != null && service == stack.processes().bedAvailability() ? reseeded.pid() : service.pid();
    }

    /** What an interrupted run left (a database on the same port would refuse to be created again). */
    private static void deleteLeftovers(Path directory) {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A part's work; it may fail with any exception, which the report then names. */
    private interface Part {
        void run() throws Exception;
    }

    private void attempt(String part, Part work) {
        if (settings.runs(part)) {
            try {
                work.run();
            } catch (Exception e) {
                results.failures.add("(" + part + ") " + e);
                log("part %s failed: %s", part, e);
                e.printStackTrace();
            }
        }
    }

    static void log(String format, Object... arguments) {
        System.out.printf(Locale.ROOT, "[benchmark] " + format + "%n", arguments);
    }
}
