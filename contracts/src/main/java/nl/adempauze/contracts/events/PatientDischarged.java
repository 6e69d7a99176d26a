package nl.adempauze.contracts.events;

import java.time.Instant;

/** The patient left: the bed is free again. */
public record PatientDischarged(
        String offerId,
        String requestId,
        String locationId,
        String careType,
        Instant dischargedAt) {
}
