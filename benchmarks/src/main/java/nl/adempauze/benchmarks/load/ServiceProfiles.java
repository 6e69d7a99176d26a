package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import nl.adempauze.localstack.process.ServiceProcess;

/**
 * The three services profiled over load steps: CPU by kind of thread (/proc) and the Java code's execution samples
 * (Flight Recorder). One recording per service runs from before the warm-up to {@link #finish}: starting one later
 * would make the JVM recompile what it had compiled (its instrumentation) in the middle of the figures. Each step
 * marks its time window; the samples are summed up per window at the end.
 */
public final class ServiceProfiles {

    /** One service's profile: % of one core by kind of thread, and where its Java threads ran. */
    public record Profile(Map<String, Double> threadKinds, JfrProfile.Summary java) {
    }

    private record Window(Object key, Instant from, Instant to, Map<String, Map<String, Double>> threadKinds) {
    }

    private final List<ServiceProcess> services;
    private final ToLongFunction<ServiceProcess> pids;
    private final Path directory;
    private final List<Window> windows = new ArrayList<>();
    private Instant openedAt;
    private Map<String, Map<String, Double>> threadsAtOpen;
    private long openedNanos;
    private boolean recording;

    public ServiceProfiles(List<ServiceProcess> services, ToLongFunction<ServiceProcess> pids, Path directory) {
        this.services = services;
        this.pids = pids;
        this.directory = directory;
    }

    /** Starts a recording in every service. */
    public void start() throws IOException {
        Files.createDirectories(directory);
        for (ServiceProcess service : services) {
            JfrProfile.start(pids.applyAsLong(service), file(service));
        }
        recording = true;
    }

    public boolean recording() {
        return recording;
    }

    /** A step begins. */
    public void open() {
        openedAt = Instant.now();
        openedNanos = System.nanoTime();
        threadsAtOpen = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            threadsAtOpen.put(service.name(), ThreadCpu.snapshot(pids.applyAsLong(service)));
        }
    }

    /** The step that began at {@link #open} ends; its window is kept under {@code key}. */
    public void close(Object key) {
        double wall = (System.nanoTime() - openedNanos) / 1e9;
        Map<String, Map<String, Double>> kinds = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            kinds.put(service.name(), ThreadCpu.percent(threadsAtOpen.get(service.name()),
                    ThreadCpu.snapshot(pids.applyAsLong(service)), wall));
        }
        windows.add(new Window(key, openedAt, Instant.now(), kinds));
    }

    /** Ends the recordings and answers each window's profiles, by key, then by service. */
    public Map<Object, Map<String, Profile>> finish() throws IOException {
        Map<Object, Map<String, Profile>> profiles = new LinkedHashMap<>();
        if (!recording) {
            return profiles;
        }
        recording = false;
        for (ServiceProcess service : services) {
            List<JfrProfile.Summary> summaries = JfrProfile.stop(pids.applyAsLong(service), file(service),
                    windows.stream().map(window -> new JfrProfile.Window(window.from(), window.to())).toList());
            Files.deleteIfExists(file(service));
            for (int i = 0; i < windows.size(); i++) {
                Window window = windows.get(i);
                profiles.computeIfAbsent(window.key(), key -> new LinkedHashMap<>()).put(service.name(),
                        new Profile(window.threadKinds().get(service.name()), summaries.get(i)));
            }
        }
        return profiles;
    }

    private Path file(ServiceProcess service) {
        return directory.resolve(service.name() + ".jfr");
    }
}
