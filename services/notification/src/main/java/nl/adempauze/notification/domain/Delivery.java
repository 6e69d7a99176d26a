package nl.adempauze.notification.domain;

import java.time.Instant;
import java.util.UUID;

/** One event for one subscriber, as the delivery log shows it. */
public record Delivery(UUID id, UUID subscriptionId, String eventId, String eventType, DeliveryStatus status,
                       int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
                       Instant deliveredAt, Instant createdAt) {
}
