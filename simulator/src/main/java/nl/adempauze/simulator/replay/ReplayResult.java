package nl.adempauze.simulator.replay;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a replay records: each request's outcome, the offers declined (by region of the request and reason)
 * and expired, the bed-nights used per "region/careType" within the measured year, and that year.
 */
public record ReplayResult(List<RequestOutcome> outcomes, Map<String, Map<String, Integer>> declinedByRegion,
                           Map<String, Integer> expiredByRegion, Map<String, Long> bedNightsUsed,
                           Instant yearStart, Instant yearEnd) {
}
