package nl.adempauze.contracts.events;

import java.time.Instant;

/** A location opened or closed for new admissions (closed carries the reason, e.g. an outbreak). */
public record LocationStatusChanged(String locationId, String region, boolean open, String reason, Instant changedAt) {
}
