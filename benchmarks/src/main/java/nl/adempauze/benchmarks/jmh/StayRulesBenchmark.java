package nl.adempauze.benchmarks.jmh;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.requestmatching.domain.Stay;
import nl.adempauze.requestmatching.domain.StayRules;
import nl.adempauze.requestmatching.domain.Urgency;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Request-matching's care-type rules on a submitted planned stay ({@link StayRules#check}), run on every request:
 * a valid three-night Wmo respite stay three weeks ahead with three days' flexibility, so every check runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StayRulesBenchmark {

    private CareTypeRule wmoRespite = new CareTypeRule("drenthe", "WMO_LOGEER",
            "Wmo logeerzorg / kortdurend verblijf", "WMO", Duration.ofMinutes(60), Duration.ofMinutes(2880),
            Duration.ofHours(168), true, 1, 14, new CareTypeRule.Protection(null, 0.5, Duration.ofHours(48)));
    private LocalDate tonight = SyntheticDrenthe.TONIGHT;
    private Stay stay = new Stay(SyntheticDrenthe.TONIGHT.plusDays(21), 3, 3, null);

    @Benchmark
    public Optional<StayRules.Violation> checkPlannedStay() {
        return StayRules.check(wmoRespite, Urgency.PLANNED, stay.nights(), stay, tonight);
    }
}
