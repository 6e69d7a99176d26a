package nl.adempauze.contracts.events;

import java.time.Instant;

/** A location opened or closed for new admissions (closed carries the reason as a code, e.g. OUTBREAK; never words). */
public record LocationStatusChanged(String locationId, String region, boolean open, String reason, Instant changedAt) {
}
