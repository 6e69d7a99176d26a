package nl.adempauze.requestmatching.application;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import nl.adempauze.contracts.whatif.WhatIfJob;
import nl.adempauze.contracts.whatif.WhatIfOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the simulator's what-if runner as a process of its own ({@code adempauze.what-if.command}, e.g. {@code nice
 * -n 19 java -Xmx512m ... nl.adempauze.simulator.job.WhatIfJobMain}): the replay's CPU and memory stay out of this
 * service's JVM, the operating system gives the live services precedence, and a run longer than
 * {@code adempauze.what-if.time-limit} is killed. The job goes in as JSON on standard input, the measures come back on
 * standard output. Blocking: call it on a thread that may wait.
 */
@Component
public class WhatIfProcess {

    /** The runner's exit code when no seed file lays out the region (WhatIfJobMain.NO_SUCH_REGION). */
    static final int NO_SUCH_REGION = 3;

    private static final Logger log = LoggerFactory.getLogger(WhatIfProcess.class);

    /** How a run ended: with measures, or with a Dutch sentence for the coordinator saying why not. */
    public record Ending(WhatIfOutcome outcome, String failure) {
    }

    private final List<String> command;
    private final Duration timeLimit;
    private final JsonMapper json;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    public WhatIfProcess(@Value("${adempauze.what-if.command:}") List<String> command,
                         @Value("${adempauze.what-if.time-limit:PT5M}") Duration timeLimit, JsonMapper json) {
        this.command = List.copyOf(command.stream().filter(part -> !part.isBlank()).toList());
        this.timeLimit = timeLimit;
        this.json = json;
    }

    /** Whether this installation has a runner (else what-ifs are not offered). */
    public boolean available() {
        return !command.isEmpty();
    }

    public Duration timeLimit() {
        return timeLimit;
    }

    public Ending run(WhatIfJob job) {
        Path output = null;
        Path errors = null;
        Process process = null;
        try {
            output = Files.createTempFile("what-if-", ".json");
            errors = Files.createTempFile("what-if-", ".log");
            process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile())
                    .start();
            running.add(process);
            try (OutputStream in = process.getOutputStream()) {
                in.write(json.writeValueAsBytes(job));
            }
            if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                log.warn("What-if for region {} stopped after its time limit of {}", job.region(), timeLimit);
                return new Ending(null, "De berekening duurde langer dan " + (timeLimit.toMinutes() > 0
                        ? timeLimit.toMinutes() + " minuten" : timeLimit.toSeconds() + " seconden")
                        + " en is afgebroken. Kies een kortere periode.");
            }
            int exit = process.exitValue();
            if (exit == 0) {
                return new Ending(json.readValue(Files.readString(output), WhatIfOutcome.class), null);
            }
            log.warn("What-if for region {} ended with exit code {}: {}", job.region(), exit, tail(errors));
            return new Ending(null, exit == NO_SUCH_REGION
                    ? "Voor deze regio is geen jaar na te spelen: er is geen startbestand (seed) met haar locaties."
                    : "De berekening is mislukt. De beheerder vindt de oorzaak in het log van request-matching.");
        } catch (IOException | RuntimeException e) {
            log.warn("What-if for region {} could not run: {}", job.region(), e.toString());
            return new Ending(null, "De berekening is mislukt. De beheerder vindt de oorzaak in het log van"
                    + " request-matching.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ending(null, "De berekening is onderbroken. Start haar opnieuw.");
        } finally {
            if (process != null) {
                process.destroyForcibly();
                running.remove(process);
            }
            delete(output);
            delete(errors);
        }
    }

    /** A stopping service takes its runs with it (their rows are failed as abandoned by the next start). */
    @PreDestroy
    void stopRunning() {
        running.forEach(Process::destroyForcibly);
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.length() <= 2_000 ? text : text.substring(text.length() - 2_000);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.debug("Could not delete {}", file, e);
            }
        }
    }
}
