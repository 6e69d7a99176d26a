package nl.adempauze.notification.domain;

import nl.adempauze.platform.domain.TransitionTable;

/**
 * The escalation chain of a page: unacknowledged in time, the primary's page goes to the backup and the backup's to
 * every coordinator with a shift; that is the end of the chain. Acknowledging, at any step, stops it.
 */
public final class PageLifecycle {

    public static final TransitionTable<PageStatus, PageCommand> TABLE =
            TransitionTable.of("Page", PageStatus.class, PageCommand.class)
                    .allow(PageCommand.ESCALATE, PageStatus.BACKUP_PAGED, PageStatus.PRIMARY_PAGED)
                    .allow(PageCommand.ESCALATE, PageStatus.REGION_PAGED, PageStatus.BACKUP_PAGED)
                    .allow(PageCommand.ACKNOWLEDGE, PageStatus.ACKNOWLEDGED,
                            PageStatus.PRIMARY_PAGED, PageStatus.BACKUP_PAGED, PageStatus.REGION_PAGED)
                    .build();

    private PageLifecycle() {
    }
}
