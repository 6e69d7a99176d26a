package nl.adempauze.notification.domain;

import java.time.OffsetDateTime;

/**
 * What subscribers and live viewers receive for an event: its CloudEvents identity and the event record
 * itself, the same JSON on the live stream and in webhook bodies.
 */
public record EventEnvelope(String type, String id, OffsetDateTime time, String subject, Object data) {
}
