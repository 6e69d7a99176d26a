package nl.adempauze.bedavailability.domain;

/** Whether the provider ever published a night: only a published night has beds a stay can take. */
public enum NightStatus {
    UNPUBLISHED, PUBLISHED
}
