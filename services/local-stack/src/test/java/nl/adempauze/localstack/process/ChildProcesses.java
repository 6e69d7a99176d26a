package nl.adempauze.localstack.process;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Ending a child process, in an orderly way or at once, and waiting until it has gone. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** Asks the process (if any) to end (SIGTERM) and waits up to a minute, then kills it. */
    static void stop(Process process) {
        if (process != null) {
            process.destroy();
            awaitExit(process, Duration.ofMinutes(1));
        }
    }

    /** Kills the process (if any) at once (SIGKILL) and waits until it has gone. */
    static void kill(Process process) {
        if (process != null) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(30));
        }
    }

    /** Waits for the process to end; if it has not within the timeout, kills it and waits for that. */
    private static void awaitExit(Process process, Duration timeout) {
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
