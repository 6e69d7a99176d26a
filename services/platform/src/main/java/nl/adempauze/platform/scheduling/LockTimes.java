package nl.adempauze.platform.scheduling;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * For a job's {@code @SchedulerLock}: a job locked for its whole interval ({@code lockAtLeastFor}, so it runs once
 * per interval across instances) needs a {@code lockAtMostFor} at least that long. Used from the annotation as
 * {@code #{T(nl.adempauze.platform.scheduling.LockTimes).atMost('${interval}', 'PT15M')}}.
 */
public final class LockTimes {

    private LockTimes() {
    }

    /** The longer of the job's interval and the most its run may take, as ShedLock reads a duration. */
    public static String atMost(String interval, String longestRun) {
        Duration tick = DurationStyle.detectAndParse(interval);
        Duration run = DurationStyle.detectAndParse(longestRun);
        return (tick.compareTo(run) > 0 ? tick : run).toString();
    }
}
