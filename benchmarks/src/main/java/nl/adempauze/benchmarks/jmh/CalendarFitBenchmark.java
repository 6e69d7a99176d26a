package nl.adempauze.benchmarks.jmh;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.requestmatching.domain.NightCalendar;
import nl.adempauze.requestmatching.domain.StayDates;
import nl.adempauze.requestmatching.domain.Urgency;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Request-matching's check whether a crisis stay fits a location's calendar replica ({@link NightCalendar#fit}),
 * which candidate search runs once per location and date option before ranking. The calendar covers two months;
 * the first nights, within the 48 h release horizon, have only protected beds left (released to crisis), and
 * about one later night in four too (protected: the stay does not fit without an override), so the check walks
 * every night of the stay.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CalendarFitBenchmark {

    @Param({"1", "7", "28"})
    public int nights;

    private CareTypeRule.Protection protection = new CareTypeRule.Protection(1, 0.5, Duration.ofHours(48));
    /** A field, not the constant, so that the JIT cannot fold the time arithmetic away. */
    private Instant now = SyntheticDrenthe.NOW;
    private NightCalendar calendar;
    private StayDates crisisStay;

    @Setup
    public void replicateCalendar() {
        Random random = SyntheticDrenthe.random();
        Map<LocalDate, NightCalendar.Beds> beds = new HashMap<>();
        for (int i = 0; i < 61; i++) {
            LocalDate night = SyntheticDrenthe.TONIGHT.plusDays(i);
            int available = 1 + random.nextInt(4);
            boolean onlyProtectedLeft = NightCalendar.released(night, protection, SyntheticDrenthe.NOW)
                    || random.nextInt(4) == 0;
            beds.put(night, new NightCalendar.Beds(available, onlyProtectedLeft ? available : available / 2));
        }
        calendar = new NightCalendar(Map.copyOf(beds), SyntheticDrenthe.NOW.minusSeconds(3600));
        crisisStay = new StayDates(SyntheticDrenthe.TONIGHT, nights, 0);
    }

    @Benchmark
    public NightCalendar.Fit fitCrisisStay() {
        return calendar.fit(crisisStay, Urgency.CRISIS, protection, false, now);
    }
}
