package nl.adempauze.bedavailability.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import nl.adempauze.platform.domain.DomainException;

/**
 * A provider's bulk publication of free beds per night: inclusive ranges of nights ({@code to} absent = one
 * night), each with its free beds. Checked as a whole before anything changes: no night before tonight, none more
 * than {@value #MAX_DAYS_AHEAD} days ahead, no range ending before it starts, and no night in two ranges. A
 * problem names the field as the caller sent it ({@code nights[2].from}).
 */
public final class NightRanges {

    public static final int MAX_DAYS_AHEAD = 366;

    /** One range as sent. */
    public record Range(LocalDate from, LocalDate to, int freeBeds) {

        public LocalDate last() {
            return to == null ? from : to;
        }
    }

    /** One night to publish, with the index of the range it came from (for problems about it). */
    public record PublishedNight(LocalDate night, int freeBeds, int range) {
    }

    private NightRanges() {
    }

    /** The nights to publish, in night order; throws an {@link DomainException} naming the first offending field. */
    public static List<PublishedNight> expand(List<Range> ranges, LocalDate tonight) {
        if (ranges == null || ranges.isEmpty()) {
            throw DomainException.invalidField("nights", "Publish at least one range of nights");
        }
        LocalDate lastAllowed = tonight.plusDays(MAX_DAYS_AHEAD);
        for (int i = 0; i < ranges.size(); i++) {
            Range range = ranges.get(i);
            checkNight(range.from(), "nights[" + i + "].from", tonight, lastAllowed);
            if (range.to() != null) {
                if (range.to().isBefore(range.from())) {
                    throw DomainException.invalidField("nights[" + i + "].to",
                            "to (" + range.to() + ") is before from (" + range.from() + ")");
                }
                checkNight(range.to(), "nights[" + i + "].to", tonight, lastAllowed);
            }
        }
        refuseOverlaps(ranges);
        Map<LocalDate, PublishedNight> nights = new TreeMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            Range range = ranges.get(i);
            for (LocalDate night = range.from(); !night.isAfter(range.last()); night = night.plusDays(1)) {
                nights.put(night, new PublishedNight(night, range.freeBeds(), i));
            }
        }
        return List.copyOf(nights.values());
    }

    private static void checkNight(LocalDate night, String field, LocalDate tonight, LocalDate lastAllowed) {
        if (night == null) {
            throw DomainException.invalidField(field, field + " is required");
        }
        if (night.isBefore(tonight)) {
            throw DomainException.invalidField(field, "The night of " + night + " has passed; tonight is the night of "
                    + tonight);
        }
        if (night.isAfter(lastAllowed)) {
            throw DomainException.invalidField(field, "The night of " + night + " is more than " + MAX_DAYS_AHEAD
                    + " days ahead; the last night that can be published now is " + lastAllowed);
        }
    }

    /** Ranges sorted by their first night overlap exactly when one starts on or before the latest end so far. */
    private static void refuseOverlaps(List<Range> ranges) {
        List<Integer> byStart = new ArrayList<>(IntStream.range(0, ranges.size()).boxed().toList());
        byStart.sort(Comparator.comparing((Integer i) -> ranges.get(i).from()).thenComparing(i -> i));
        Integer latest = null;
        for (int i : byStart) {
            Range range = ranges.get(i);
            if (latest != null && !range.from().isAfter(ranges.get(latest).last())) {
                int offender = Math.max(i, latest);
                int other = Math.min(i, latest);
                throw DomainException.invalidField("nights[" + offender + "]", "nights[" + offender + "] overlaps nights["
                        + other + "]: each night may be published once per call");
            }
            if (latest == null || range.last().isAfter(ranges.get(latest).last())) {
                latest = i;
            }
        }
    }
}
