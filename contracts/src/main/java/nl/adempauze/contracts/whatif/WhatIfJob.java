package nl.adempauze.contracts.whatif;

import java.util.List;

/**
 * One what-if run as the runner receives it: the region, the seed files of the regions to replay (the region and
 * its neighbours), the demand's seed, the region's settings of today and the coordinator's changes.
 */
public record WhatIfJob(String region, List<String> seedFiles, long seed, int months, TodaySettings today,
                        WhatIfSettings changes) {

    public WhatIfJob {
        seedFiles = List.copyOf(seedFiles);
    }
}
