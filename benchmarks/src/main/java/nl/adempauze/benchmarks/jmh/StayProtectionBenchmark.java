package nl.adempauze.benchmarks.jmh;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import nl.adempauze.bedavailability.domain.NightCapacity;
import nl.adempauze.bedavailability.domain.ProtectionRule;
import nl.adempauze.bedavailability.domain.StayDecision;
import nl.adempauze.bedavailability.domain.StayRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bed-availability's protection rule for planned respite beds, as a hold decides it under the row locks of the
 * stay's nights ({@link StayDecision#decide}): the longer the stay, the longer the locks are held.
 *
 * <p>The crisis stay is the expensive case: every night works out its protected beds. The rule combines both
 * seeded forms (one bed, or half the free beds when that is more; released 48 h before the night), so the share's
 * decimal rounding runs on every night. The first nights, within the release horizon, have only protected beds left and
 * are taken as released; the later ones still have an unprotected bed. (A planned stay skips the rule; it is left
 * out to keep the run short: it measured about half the crisis stay's time.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StayProtectionBenchmark {

    /** Nights of the stay: one crisis night, a week, and four weeks (longer than respite's 14-night maximum). */
    @Param({"1", "7", "28"})
    public int nights;

    private ProtectionRule rule = new ProtectionRule(1, 0.5, Duration.ofHours(48));
    /** A field, not the constant, so that the JIT cannot fold the time arithmetic away. */
    private Instant now = SyntheticDrenthe.NOW;
    private List<NightCapacity> rows;
    private StayRequest crisisStay;

    @Setup
    public void publishNights() {
        Random random = SyntheticDrenthe.random();
        rows = new ArrayList<>(nights);
        for (int i = 0; i < nights; i++) {
            LocalDate night = SyntheticDrenthe.TONIGHT.plusDays(i);
            int freeBeds = 2 + random.nextInt(5);
            int protectedBeds = rule.protectedOf(freeBeds);
            boolean onlyProtectedLeft = rule.releases(night, SyntheticDrenthe.NOW);
            int plannedHeld = onlyProtectedLeft ? 0 : random.nextInt(2);
            int crisisHeld = onlyProtectedLeft ? freeBeds - protectedBeds : 0;
            rows.add(new NightCapacity("loc-00001", "WLZ_LOGEER", night, freeBeds, plannedHeld, crisisHeld, 0, 0,
                    1, SyntheticDrenthe.NOW.minusSeconds(3600), SyntheticDrenthe.NOW.minusSeconds(600)));
        }
        crisisStay = new StayRequest(SyntheticDrenthe.TONIGHT, nights, false, false);
        if (!StayDecision.decide(crisisStay, rows, rule, SyntheticDrenthe.NOW).held()) {
            throw new IllegalStateException("The crisis stay should be held: the benchmark would measure a refusal");
        }
    }

    @Benchmark
    public StayDecision decideCrisisStay() {
        return StayDecision.decide(crisisStay, rows, rule, now);
    }
}
