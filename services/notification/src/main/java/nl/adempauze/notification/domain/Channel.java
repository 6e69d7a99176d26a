package nl.adempauze.notification.domain;

/** How a page reaches a person. */
public enum Channel {
    EMAIL,
    SMS
}
