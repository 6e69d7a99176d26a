package nl.adempauze.simulator.job;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import nl.adempauze.contracts.whatif.WhatIfJob;
import nl.adempauze.contracts.whatif.WhatIfOutcome;
import tools.jackson.databind.json.JsonMapper;

/**
 * The what-if runner: request-matching starts it as a process of its own (niced, with a small heap, one at a time)
 * so that a replay never takes the live services' memory or CPU. Reads one {@link WhatIfJob} as JSON from standard
 * input and writes its {@link WhatIfOutcome} as JSON to standard output; anything else goes to standard error.
 * Exits with 0 when done, {@value #NO_SUCH_REGION} when no seed file lays out the region, 1 on any other failure.
 */
public final class WhatIfJobMain {

    public static final int NO_SUCH_REGION = 3;

    private WhatIfJobMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream answer = System.out;
        // nothing but the answer on standard output, whatever a library prints
        System.setOut(System.err);
        JsonMapper json = JsonMapper.builder().build();
        WhatIfJob job = json.readValue(new String(System.in.readAllBytes(), StandardCharsets.UTF_8),
                WhatIfJob.class);
        try {
            WhatIfOutcome outcome = WhatIfJobRun.run(job);
            answer.print(json.writeValueAsString(outcome));
            answer.flush();
        } catch (WhatIfJobRun.NoSuchRegion e) {
            System.err.println(e.getMessage());
            System.exit(NO_SUCH_REGION);
        }
    }
}
