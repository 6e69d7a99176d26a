package nl.adempauze.notification.domain;

/** Where a webhook delivery stands: still being tried, received by the subscriber, or given up for good. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
