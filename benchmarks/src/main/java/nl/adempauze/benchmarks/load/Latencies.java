package nl.adempauze.benchmarks.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** A latency histogram (HdrHistogram, microseconds, three significant digits) that any thread may record into. */
public final class Latencies {

    private static final long HIGHEST = TimeUnit.HOURS.toMicros(1);

    private final Histogram histogram = new Histogram(HIGHEST, 3);

    /** What a report row shows of a histogram, in milliseconds (NaN when nothing was recorded). */
    public record Summary(long count, double p50, double p90, double p99, double max) {
    }

    public synchronized void recordNanos(long nanos) {
        histogram.recordValue(Math.min(HIGHEST, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos))));
    }

    /** Read once recording has stopped. */
    public synchronized Summary summary() {
        if (histogram.getTotalCount() == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Summary(histogram.getTotalCount(), millisAt(50), millisAt(90),
                millisAt(99), histogram.getMaxValue() / 1000.0);
    }

    private double millisAt(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
