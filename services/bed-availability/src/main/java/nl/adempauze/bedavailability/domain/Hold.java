package nl.adempauze.bedavailability.domain;

import java.time.Instant;

/** A bed held for one offer. */
public record Hold(String offerId, String requestId, String locationId, String careType, HoldStatus status,
                   String reason, Instant createdAt, Instant updatedAt) {
}
