package nl.adempauze.notification.domain;

/** What changes a page: its time ran out unacknowledged, or someone acknowledged it. */
public enum PageCommand {
    ESCALATE,
    ACKNOWLEDGE
}
