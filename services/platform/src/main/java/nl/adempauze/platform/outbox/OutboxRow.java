package nl.adempauze.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One event waiting in the outbox, as the relay reads it. */
record OutboxRow(long seq, UUID eventId, String topic, String key, String type, String subject, byte[] payload,
                 String traceparent, OffsetDateTime occurredAt) {
}
