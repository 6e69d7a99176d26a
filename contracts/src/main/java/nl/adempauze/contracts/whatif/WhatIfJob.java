package nl.adempauze.contracts.whatif;

import java.util.List;

/**
 * One what-if run as the runner receives it: the region, the seed files of the regions to replay (the region and
 * its neighbours), the demand's seed, the region's settings of today and the coordinator's changes; and, to replay
 * the region's own history instead of a generated year, the requests recorded in {@code changes.history()}.
 */
public record WhatIfJob(String region, List<String> seedFiles, long seed, int months, TodaySettings today,
                        WhatIfSettings changes, List<RecordedRequest> recorded) {

    public WhatIfJob {
        seedFiles = List.copyOf(seedFiles);
        recorded = recorded == null ? List.of() : List.copyOf(recorded);
    }

    public WhatIfJob(String region, List<String> seedFiles, long seed, int months, TodaySettings today,
                     WhatIfSettings changes) {
        this(region, seedFiles, seed, months, today, changes, List.of());
    }
}
