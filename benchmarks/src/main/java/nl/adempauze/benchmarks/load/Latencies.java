package nl.adempauze.benchmarks.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A latency histogram (HdrHistogram, microseconds, three significant digits) that any thread may record into;
 * read it once recording has stopped.
 */
public final class Latencies {

    private static final long HIGHEST = TimeUnit.HOURS.toMicros(1);

    private final Histogram histogram = new Histogram(HIGHEST, 3);

    public synchronized void recordNanos(long nanos) {
        histogram.recordValue(Math.min(HIGHEST, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos))));
    }

    public synchronized long count() {
        return histogram.getTotalCount();
    }

    /** The value at this percentile (0-100), in milliseconds; NaN when nothing was recorded. */
    public synchronized double percentileMillis(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public synchronized double maxMillis() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    public synchronized double meanMillis() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMean() / 1000.0;
    }

    /** p50, p90, p99 and max in milliseconds, for a report row. */
    public synchronized Summary summary() {
        return new Summary(count(), percentileMillis(50), percentileMillis(90), percentileMillis(99), maxMillis());
    }

    /** What a report row shows of a histogram. */
    public record Summary(long count, double p50, double p90, double p99, double max) {
    }
}
