package nl.adempauze.notification.domain;

/** The steps of the escalation chain: who a page reaches. */
public enum PageTier {
    /** The primary coordinator of the shift on call. */
    PRIMARY,
    /** The backup of that shift, when the primary did not acknowledge in time. */
    BACKUP,
    /** Every coordinator holding a shift of the region, when the backup did not either. */
    REGION
}
