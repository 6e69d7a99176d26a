package nl.adempauze.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import nl.adempauze.localstack.RunningServices;

/**
 * One service in a JVM of its own on a fixed port, so that it can be killed mid-flow and started again where its
 * clients look for it, and measured on its own (heap, resident memory).
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final String instance;
    private final int port;
    private final List<String> jvmOptions;
    private final Map<String, String> properties;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    ServiceProcess(String name, String instance, int port, List<String> jvmOptions, Map<String, String> properties,
                   Path log) {
        this.name = name;
        this.instance = instance;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.properties = Map.copyOf(properties);
        this.log = log;
    }

    /** Starts the JVM (no wait; see {@link #awaitReady}). */
    public synchronized void start() {
        if (running()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of(LocalStackRoles.SERVICE, name));
        args.addAll(List.of(RunningServices.arguments(properties)));
        process = ChildJvm.start(jvmOptions, ProcessStack.SMALL_SERVICE_ENVIRONMENT, args, log);
    }

    /** Waits until the service reports ready (for request-matching: it has read the locations and capacity). */
    public void awaitReady(Duration timeout) {
        URI readiness = URI.create(url() + "/actuator/health/readiness");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!RunningServices.ready(http, readiness)) {
            if (!running()) {
                throw new IllegalStateException(instance + " stopped while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(instance + " not ready within " + timeout + "; see " + log);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hook, no graceful end of what it was doing. */
    public synchronized void kill() {
        ChildProcesses.kill(process);
        process = null;
    }

    /** Stops the JVM in an orderly way (SIGTERM: Spring's graceful shutdown). */
    public synchronized void stop() {
        ChildProcesses.stop(process);
        process = null;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** The service's name (several instances share it). */
    public String name() {
        return name;
    }

    /** This instance's name: the service's, numbered when a service runs as several instances. */
    public String instance() {
        return instance;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** The process id of the running JVM. */
    public synchronized long pid() {
        if (!running()) {
            throw new IllegalStateException(instance + " is not running");
        }
        return process.pid();
    }

    /** Resident memory now and at its peak, from {@code /proc} (Linux), in bytes; -1 where it cannot be read. */
    public ResidentMemory residentMemory() {
        try {
            long now = -1;
            long peak = -1;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    now = kilobytes(line) * 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line) * 1024;
                }
            }
            return new ResidentMemory(now, peak);
        } catch (IOException | UncheckedIOException e) {
            return new ResidentMemory(-1, -1);
        }
    }

    /** Resident set size of a process, now and at its high-water mark, in bytes. */
    public record ResidentMemory(long bytes, long peakBytes) {
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    @Override
    public void close() {
        stop();
    }
}
