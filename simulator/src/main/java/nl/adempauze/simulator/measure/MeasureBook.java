package nl.adempauze.simulator.measure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.adempauze.requestmatching.domain.Placement;
import nl.adempauze.requestmatching.domain.PlacementStatistics;
import nl.adempauze.requestmatching.domain.PlacementTarget;
import nl.adempauze.simulator.region.RegionModel;
import nl.adempauze.simulator.replay.ReplayResult;
import nl.adempauze.simulator.replay.RequestOutcome;

/**
 * Turns a replay's records into {@link Measures}, with the monitoring report's own rules: request-matching's
 * {@link PlacementTarget} says whether a placement was in time and {@link PlacementStatistics} gives the median
 * and 90th percentile, as the coordinator's monthly report does.
 */
public final class MeasureBook {

    private static final double MINUTES_PER_DAY = 24 * 60.0;

    private MeasureBook() {
    }

    /** Whether the request was submitted in the measured year (the warm-up before it is not counted). */
    public static boolean measured(RequestOutcome outcome, ReplayResult result) {
        Instant at = outcome.request().submittedAt();
        return !at.isBefore(result.yearStart()) && at.isBefore(result.yearEnd());
    }

    /** Placed, and in time by the monitoring report's rule. */
    public static boolean inTime(RequestOutcome outcome) {
        return outcome.placed() && PlacementTarget.met(outcome.placement());
    }

    public static Measures of(RegionModel region, ReplayResult result) {
        List<RequestOutcome> own = result.outcomes().stream()
                .filter(outcome -> outcome.request().region().equals(region.id()) && measured(outcome, result))
                .toList();
        List<RequestOutcome> crisis = own.stream().filter(o -> o.request().crisis()).toList();
        List<RequestOutcome> planned = own.stream().filter(o -> !o.request().crisis()).toList();
        PlacementStatistics crisisTimes = PlacementStatistics.of(placements(crisis));
        PlacementStatistics plannedTimes = PlacementStatistics.of(placements(planned));
        int crisisInTime = (int) crisis.stream().filter(MeasureBook::inTime).count();
        Map<String, Integer> declined = result.declinedByRegion().getOrDefault(region.id(), Map.of());
        return new Measures(region.id(), crisis.size(), crisisInTime,
                crisis.isEmpty() ? null : (double) crisisInTime / crisis.size(),
                crisisTimes.medianMinutes(), crisisTimes.p90Minutes(), planned.size(),
                (int) planned.stream().filter(RequestOutcome::placed).count(),
                planned.stream().mapToLong(o -> o.request().nights()).sum(),
                planned.stream().filter(RequestOutcome::placed).mapToLong(RequestOutcome::nights).sum(),
                crisis.stream().filter(o -> o.placed() && o.calendarBed()).mapToLong(RequestOutcome::nights).sum(),
                crisis.stream().mapToLong(o -> o.protectedReleased() + o.protectedOverridden()).sum(),
                days(plannedTimes.medianMinutes()), days(plannedTimes.p90Minutes()),
                occupancy(region, result, false), occupancy(region, result, true),
                declined.values().stream().mapToInt(Integer::intValue).sum(),
                result.expiredByRegion().getOrDefault(region.id(), 0), declined,
                (int) own.stream().filter(o -> o.placed() && o.outsideRegion()).count(),
                (int) own.stream().filter(MeasureBook::inTime).count());
    }

    /** Requests of every region placed in time in the measured year: the yardstick's objective. */
    public static int placedInTime(ReplayResult result) {
        return (int) result.outcomes().stream().filter(o -> measured(o, result) && inTime(o)).count();
    }

    private static List<Placement> placements(List<RequestOutcome> outcomes) {
        return outcomes.stream().filter(RequestOutcome::placed).map(RequestOutcome::placement).toList();
    }

    private static double occupancy(RegionModel region, ReplayResult result, boolean calendar) {
        long nights = result.yearEnd().getEpochSecond() / 86_400 - result.yearStart().getEpochSecond() / 86_400;
        long available = 0;
        long used = 0;
        for (String careType : region.careTypes().keySet()) {
            if (region.careType(careType).onCalendar() == calendar) {
                available += region.beds(careType) * nights;
                used += result.bedNightsUsed().getOrDefault(region.id() + "/" + careType, 0L);
            }
        }
        return available == 0 ? 0 : (double) used / available;
    }

    private static Double days(Double minutes) {
        return minutes == null ? null : minutes / MINUTES_PER_DAY;
    }
}
