package nl.adempauze.contracts.whatif;

import java.time.LocalDate;
import java.util.List;

/**
 * What a run found: the requests replayed in the measured period (every region), its seed and dates (the last
 * day included), and one line of measures per policy, today's first.
 */
public record WhatIfOutcome(int requests, long seed, LocalDate from, LocalDate to, List<PolicyMeasures> rows) {

    public WhatIfOutcome {
        rows = List.copyOf(rows);
    }
}
