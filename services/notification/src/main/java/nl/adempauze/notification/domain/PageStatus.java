package nl.adempauze.notification.domain;

/** Where a page is in its escalation chain (see {@link PageLifecycle}). */
public enum PageStatus {
    PRIMARY_PAGED(PageTier.PRIMARY),
    BACKUP_PAGED(PageTier.BACKUP),
    REGION_PAGED(PageTier.REGION),
    ACKNOWLEDGED(null);

    private final PageTier tier;

    PageStatus(PageTier tier) {
        this.tier = tier;
    }

    /** The tier paged on entering this status; null for ACKNOWLEDGED. */
    public PageTier tier() {
        return tier;
    }
}
