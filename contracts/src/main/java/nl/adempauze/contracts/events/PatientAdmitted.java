package nl.adempauze.contracts.events;

import java.time.Instant;

/** The provider confirmed the admission for a held bed: the bed is now occupied. */
public record PatientAdmitted(String offerId, String requestId, String locationId, String careType, Instant admittedAt) {
}
