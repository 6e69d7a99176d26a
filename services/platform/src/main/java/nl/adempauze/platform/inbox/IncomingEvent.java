package nl.adempauze.platform.inbox;

import java.time.OffsetDateTime;

/** A decoded, schema-checked event as it arrived: CloudEvents attributes plus the catalogued record. */
public record IncomingEvent(String id, String type, String source, String subject, OffsetDateTime time,
                            Object payload, String traceparent) {
}
