package nl.adempauze.notification.api;

import java.time.Instant;
import java.util.UUID;
import nl.adempauze.notification.domain.Delivery;
import nl.adempauze.notification.domain.DeliveryStatus;

/** One entry of a subscription's delivery log. */
public record DeliveryResponse(UUID id, String eventId, String eventType, DeliveryStatus status, int attempts,
                               Integer lastStatusCode, String lastError, Instant nextAttemptAt,
                               Instant deliveredAt, Instant createdAt) {

    static DeliveryResponse from(Delivery delivery) {
        return new DeliveryResponse(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.status(),
                delivery.attempts(), delivery.lastStatusCode(), delivery.lastError(), delivery.nextAttemptAt(),
                delivery.deliveredAt(), delivery.createdAt());
    }
}
