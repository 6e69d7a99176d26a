package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Time to acknowledge: median and 90th percentile by nearest rank, over the acknowledged pages only. */
class AcknowledgementTimesTest {

    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    @Test
    void nearestRankOverTheAcknowledgedPages() {
        List<Page> pages = new ArrayList<>();
        for (int minutes = 1; minutes <= 10; minutes++) {
            pages.add(page().acknowledge("c", T0.plus(Duration.ofMinutes(minutes))));
        }
        pages.add(page());
        AcknowledgementTimes times = AcknowledgementTimes.of(pages);
        assertThat(times).isEqualTo(new AcknowledgementTimes(11, 10, 300L, 540L));
    }

    @Test
    void withoutAcknowledgedPagesThereAreNoFigures() {
        assertThat(AcknowledgementTimes.of(List.of(page()))).isEqualTo(new AcknowledgementTimes(1, 0, null, null));
        assertThat(AcknowledgementTimes.of(List.of())).isEqualTo(new AcknowledgementTimes(0, 0, null, null));
    }

    private static Page page() {
        return Page.open(UUID.randomUUID(), "evt", "drenthe", "req", "ELV_HOOG", null, "NO_CANDIDATE", T0,
                Duration.ofMinutes(5));
    }
}
