package nl.adempauze.notification.domain;

import java.time.Duration;
import java.util.List;

/**
 * How quickly a region's pages were taken: of the pages in a period, how many were acknowledged and the time from
 * page to acknowledgement at the median and the 90th percentile (nearest rank, whole seconds; null without any).
 */
public record AcknowledgementTimes(int pages, int acknowledged, Long p50Seconds, Long p90Seconds) {

    public static AcknowledgementTimes of(List<Page> pages) {
        List<Long> seconds = pages.stream()
                .filter(Page::acknowledged)
                .map(page -> Duration.between(page.createdAt(), page.acknowledgedAt()).toSeconds())
                .sorted()
                .toList();
        return new AcknowledgementTimes(pages.size(), seconds.size(), percentile(seconds, 50),
                percentile(seconds, 90));
    }

    private static Long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
