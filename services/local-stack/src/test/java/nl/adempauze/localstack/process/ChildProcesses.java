package nl.adempauze.localstack.process;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waiting for a child process that was asked to end. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** Waits for the process to end; if it has not within the timeout, kills it and waits for that. */
    static void awaitExit(Process process, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
