package nl.adempauze.requestmatching.api;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import nl.adempauze.contracts.whatif.PolicyMeasures;
import nl.adempauze.contracts.whatif.WhatIfOutcome;

/**
 * A what-if's measures as CSV for a spreadsheet: one row per measure, a column per policy (today, what if) and
 * their difference; shares as fractions, times in minutes (crisis) and days (respite), empty when not measured.
 */
final class WhatIfCsv {

    private record Measure(String name, Function<PolicyMeasures, Number> value) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("crisis_requests", PolicyMeasures::crisisRequests),
            new Measure("crisis_placed_in_time", PolicyMeasures::crisisPlacedInTime),
            new Measure("crisis_in_time_share", PolicyMeasures::crisisInTimeShare),
            new Measure("crisis_median_minutes", PolicyMeasures::crisisMedianMinutes),
            new Measure("crisis_p90_minutes", PolicyMeasures::crisisP90Minutes),
            new Measure("planned_requests", PolicyMeasures::plannedRequests),
            new Measure("planned_booked", PolicyMeasures::plannedBooked),
            new Measure("planned_nights_asked", PolicyMeasures::plannedNightsAsked),
            new Measure("planned_nights_booked", PolicyMeasures::plannedNightsBooked),
            new Measure("planned_nights_displaced", PolicyMeasures::plannedNightsDisplaced),
            new Measure("protected_nights_to_crisis", PolicyMeasures::protectedNightsToCrisis),
            new Measure("respite_median_wait_days", PolicyMeasures::respiteMedianWaitDays),
            new Measure("respite_p90_wait_days", PolicyMeasures::respiteP90WaitDays),
            new Measure("acute_occupancy", PolicyMeasures::acuteOccupancy),
            new Measure("respite_occupancy", PolicyMeasures::respiteOccupancy),
            new Measure("offers_declined", PolicyMeasures::offersDeclined),
            new Measure("offers_expired", PolicyMeasures::offersExpired),
            new Measure("border_placements", PolicyMeasures::borderPlacements),
            new Measure("placed_in_time_all_regions", PolicyMeasures::placedInTime),
            new Measure("hindsight_optimum_at_most", PolicyMeasures::optimum),
            new Measure("share_of_optimum_at_least", PolicyMeasures::shareOfOptimum));

    private WhatIfCsv() {
    }

    static String render(WhatIfOutcome outcome) {
        PolicyMeasures today = outcome.rows().get(0);
        PolicyMeasures whatIf = outcome.rows().get(1);
        StringBuilder csv = new StringBuilder("measure,today,what_if,difference\r\n");
        for (Measure measure : MEASURES) {
            Number before = measure.value().apply(today);
            Number after = measure.value().apply(whatIf);
            csv.append(measure.name()).append(',').append(number(before)).append(',').append(number(after))
                    .append(',').append(before == null || after == null ? ""
                            : number(after.doubleValue() - before.doubleValue())).append("\r\n");
        }
        return csv.toString();
    }

    private static String number(Number value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        double d = value.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d)
                : String.format(Locale.ROOT, "%.4f", d);
    }
}
