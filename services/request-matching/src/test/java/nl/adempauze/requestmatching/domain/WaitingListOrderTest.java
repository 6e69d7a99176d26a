package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class WaitingListOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final WaitingListOrder order = new WaitingListOrder(Duration.ofDays(14));

    @Test
    void longestWaitFirstAndAPriorityRaiseCountsAsTwoWeeksOfWaiting() {
        WaitingListOrder.Entry waitedThirtyDays = entry("a", 30, 0);
        WaitingListOrder.Entry waitedTwentyDays = entry("b", 20, 0);
        WaitingListOrder.Entry waitedTenDaysRaisedOnce = entry("c", 10, 1);

        List<WaitingListOrder.Entry> line = new ArrayList<>(List.of(waitedTwentyDays, waitedTenDaysRaisedOnce,
                waitedThirtyDays));
        line.sort(order.comparator());

        assertThat(line).extracting(WaitingListOrder.Entry::requestId).containsExactly("a", "c", "b");
        assertThat(order.effectiveWait(waitedTenDaysRaisedOnce, NOW)).isEqualTo(Duration.ofDays(24));
    }

    @Property
    void raisingAPriorityNeverMovesARequestDown(@ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 90) Integer> waitedDays,
                                                @ForAll @IntRange(min = 0, max = 19) int raised) {
        List<WaitingListOrder.Entry> line = new ArrayList<>();
        for (int i = 0; i < waitedDays.size(); i++) {
            line.add(entry("r" + i, waitedDays.get(i), 0));
        }
        String chosen = "r" + (raised % line.size());
        int before = position(line, chosen);

        line.replaceAll(entry -> entry.requestId().equals(chosen)
                ? new WaitingListOrder.Entry(entry.requestId(), entry.waitingSince(), entry.priority() + 1) : entry);

        assertThat(position(line, chosen)).isLessThanOrEqualTo(before);
    }

    @Property
    void whoWaitedLongerStandsAheadAtEqualPriority(@ForAll @IntRange(min = 0, max = 400) int firstDays,
                                                   @ForAll @IntRange(min = 0, max = 400) int secondDays) {
        WaitingListOrder.Entry first = entry("first", firstDays, 0);
        WaitingListOrder.Entry second = entry("second", secondDays, 0);

        int compared = order.comparator().compare(first, second);

        if (firstDays != secondDays) {
            assertThat(compared < 0).isEqualTo(firstDays > secondDays);
        }
    }

    private int position(List<WaitingListOrder.Entry> line, String requestId) {
        List<WaitingListOrder.Entry> sorted = new ArrayList<>(line);
        sorted.sort(order.comparator());
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).requestId().equals(requestId)) {
                return i;
            }
        }
        throw new AssertionError(requestId + " is not in line");
    }

    private static WaitingListOrder.Entry entry(String id, int waitedDays, int priority) {
        return new WaitingListOrder.Entry(id, NOW.minus(Duration.ofDays(waitedDays)), priority);
    }
}
