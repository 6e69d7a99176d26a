package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.adempauze.platform.testing.PropertyRuns;
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

    private record Line(List<Integer> waitedDays, int raised) {
    }

    @Test
    void raisingAPriorityNeverMovesARequestDown() {
        PropertyRuns.forAllCases(1000, random -> {
            List<Integer> waited = new ArrayList<>();
            for (int i = 0, size = 1 + random.nextInt(20); i < size; i++) {
                waited.add(random.nextInt(91));
            }
            return new Line(waited, random.nextInt(20));
        }, line -> raisingMovesUpOrStays(line.waitedDays(), line.raised()));
    }

    private void raisingMovesUpOrStays(List<Integer> waitedDays, int raised) {
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

    @Test
    void whoWaitedLongerStandsAheadAtEqualPriority() {
        PropertyRuns.forAllCases(1000, random -> new int[] {random.nextInt(401), random.nextInt(401)}, days -> {
            WaitingListOrder.Entry first = entry("first", days[0], 0);
            WaitingListOrder.Entry second = entry("second", days[1], 0);

            int compared = order.comparator().compare(first, second);

            assertThat(Integer.signum(compared)).isEqualTo(Integer.signum(days[1] - days[0]) == 0
                    ? Integer.signum("first".compareTo("second")) : Integer.signum(days[1] - days[0]));
        });
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
