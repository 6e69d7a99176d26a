package nl.adempauze.notification.domain;

import java.time.Instant;
import java.util.UUID;

/** One message of a page as recorded: to whom, by which channel, and how its delivery went. */
public record PageAttempt(UUID id, UUID pageId, PageTier tier, String recipient, Channel channel, String address,
                          DeliveryStatus status, int attempts, String lastError, Instant nextAttemptAt,
                          Instant deliveredAt, Instant createdAt) {
}
