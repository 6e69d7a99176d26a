package nl.adempauze.requestmatching.domain;

import java.time.Instant;
import java.util.UUID;
import nl.adempauze.contracts.whatif.TodaySettings;
import nl.adempauze.contracts.whatif.WhatIfOutcome;
import nl.adempauze.contracts.whatif.WhatIfSettings;
import nl.adempauze.platform.domain.DomainException;

/**
 * A coordinator's what-if: the region's year replayed by the simulator under today's settings and under changed
 * ones. It runs, then is done (with the measures) or failed (with a Dutch sentence saying why); nothing else.
 */
public record WhatIfRun(UUID id, String region, String requestedBy, Instant requestedAt, WhatIfSettings settings,
                        TodaySettings today, Status status, WhatIfOutcome outcome, String failure,
                        Instant finishedAt) {

    public enum Status { RUNNING, DONE, FAILED }

    public static WhatIfRun started(String region, String requestedBy, Instant at, WhatIfSettings settings,
                                    TodaySettings today) {
        return new WhatIfRun(UUID.randomUUID(), region, requestedBy, at, settings, today, Status.RUNNING, null, null,
                null);
    }

    public WhatIfRun done(WhatIfOutcome measured, Instant at) {
        requireRunning();
        return new WhatIfRun(id, region, requestedBy, requestedAt, settings, today, Status.DONE, measured, null, at);
    }

    public WhatIfRun failed(String why, Instant at) {
        requireRunning();
        return new WhatIfRun(id, region, requestedBy, requestedAt, settings, today, Status.FAILED, null, why, at);
    }

    private void requireRunning() {
        if (status != Status.RUNNING) {
            throw DomainException.conflict("What-if finished", "What-if " + id + " is " + status + " already");
        }
    }
}
