package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CrisisQueueOrderTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    private static List<String> inOrder(CrisisQueueOrder.Entry... entries) {
        return Stream.of(entries).sorted(CrisisQueueOrder.comparator()).map(CrisisQueueOrder.Entry::requestId)
                .toList();
    }

    @Test
    void theEarliestAdmissionDeadlineGoesFirstEvenIfItJoinedLater() {
        assertThat(inOrder(
                new CrisisQueueOrder.Entry("waiting-long", T.plusSeconds(7200), T),
                new CrisisQueueOrder.Entry("most-urgent", T.plusSeconds(3600), T.plusSeconds(600))))
                .containsExactly("most-urgent", "waiting-long");
    }

    @Test
    void withTheSameDeadlineTheLongestWaitingGoesFirst() {
        assertThat(inOrder(
                new CrisisQueueOrder.Entry("newer", T.plusSeconds(3600), T.plusSeconds(60)),
                new CrisisQueueOrder.Entry("older", T.plusSeconds(3600), T)))
                .containsExactly("older", "newer");
    }

    @Test
    void aRequestWithoutADeadlineComesAfterThoseWithOne() {
        assertThat(inOrder(
                new CrisisQueueOrder.Entry("no-deadline", null, T),
                new CrisisQueueOrder.Entry("deadline", T.plusSeconds(86_400), T.plusSeconds(60)),
                new CrisisQueueOrder.Entry("no-deadline-newer", null, T.plusSeconds(30))))
                .containsExactly("deadline", "no-deadline", "no-deadline-newer");
    }

    @Test
    void tiesGoByRequestIdSoTheOrderIsStable() {
        assertThat(inOrder(
                new CrisisQueueOrder.Entry("b", T, T),
                new CrisisQueueOrder.Entry("a", T, T)))
                .containsExactly("a", "b");
    }
}
