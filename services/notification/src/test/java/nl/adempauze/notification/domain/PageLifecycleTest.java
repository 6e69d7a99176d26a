package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import nl.adempauze.platform.domain.TransitionTable;
import org.junit.jupiter.api.Test;

/** The escalation chain of a page: primary, backup, everyone with a shift; acknowledging stops it at any step. */
class PageLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void theTableHoldsTheChainAndNothingElse() {
        assertThat(PageLifecycle.TABLE.sourcesOf(PageCommand.ESCALATE))
                .containsExactlyInAnyOrder(PageStatus.PRIMARY_PAGED, PageStatus.BACKUP_PAGED);
        assertThat(PageLifecycle.TABLE.sourcesOf(PageCommand.ACKNOWLEDGE))
                .containsExactlyInAnyOrder(PageStatus.PRIMARY_PAGED, PageStatus.BACKUP_PAGED, PageStatus.REGION_PAGED);
        assertThat(PageLifecycle.TABLE.next(PageStatus.PRIMARY_PAGED, PageCommand.ESCALATE))
                .isEqualTo(PageStatus.BACKUP_PAGED);
        assertThat(PageLifecycle.TABLE.next(PageStatus.BACKUP_PAGED, PageCommand.ESCALATE))
                .isEqualTo(PageStatus.REGION_PAGED);
    }

    @Test
    void unacknowledgedItWalksTheChainAtTheRegionsPaceAndThenStops() {
        Page page = open();
        assertThat(page.status()).isEqualTo(PageStatus.PRIMARY_PAGED);
        assertThat(page.nextStepAt()).isEqualTo(T0.plus(FIVE_MINUTES));
        assertThat(page.dueAt(T0.plus(FIVE_MINUTES).minusMillis(1))).isFalse();
        assertThat(page.dueAt(T0.plus(FIVE_MINUTES))).isTrue();

        Page backup = page.escalate(T0.plus(FIVE_MINUTES), FIVE_MINUTES);
        assertThat(backup.status()).isEqualTo(PageStatus.BACKUP_PAGED);
        assertThat(backup.status().tier()).isEqualTo(PageTier.BACKUP);
        assertThat(backup.version()).isEqualTo(page.version() + 1);
        assertThat(backup.nextStepAt()).isEqualTo(T0.plus(FIVE_MINUTES.multipliedBy(2)));

        Page everyone = backup.escalate(T0.plus(FIVE_MINUTES.multipliedBy(2)), FIVE_MINUTES);
        assertThat(everyone.status()).isEqualTo(PageStatus.REGION_PAGED);
        assertThat(everyone.nextStepAt()).isNull();
        assertThat(everyone.dueAt(T0.plus(Duration.ofDays(1)))).isFalse();
        assertThatThrownBy(() -> everyone.escalate(T0.plus(Duration.ofHours(1)), FIVE_MINUTES))
                .isInstanceOf(TransitionTable.IllegalTransition.class);
    }

    @Test
    void acknowledgingStopsTheChainAtAnyStepAndOnlyOnce() {
        Page backup = open().escalate(T0.plus(FIVE_MINUTES), FIVE_MINUTES);
        Page acknowledged = backup.acknowledge("coordinator-drenthe", T0.plus(Duration.ofMinutes(7)));
        assertThat(acknowledged.status()).isEqualTo(PageStatus.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledged()).isTrue();
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("coordinator-drenthe");
        assertThat(acknowledged.acknowledgedAt()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
        assertThat(acknowledged.nextStepAt()).isNull();
        assertThatThrownBy(() -> acknowledged.escalate(T0.plus(Duration.ofHours(1)), FIVE_MINUTES))
                .isInstanceOf(TransitionTable.IllegalTransition.class);
        assertThatThrownBy(() -> acknowledged.acknowledge("someone-else", T0.plus(Duration.ofHours(1))))
                .isInstanceOf(TransitionTable.IllegalTransition.class);
        assertThat(open().acknowledge("a", T0).status()).isEqualTo(PageStatus.ACKNOWLEDGED);
    }

    static Page open() {
        return Page.open(UUID.randomUUID(), "evt-1", "drenthe", "req-1", "CRISIS_STAY", "Assen", "NO_CANDIDATE", T0,
                FIVE_MINUTES);
    }
}
