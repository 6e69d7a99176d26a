package nl.adempauze.contracts.events;

import java.time.Instant;

/** Bed-availability took one free bed for an offer; nobody else can take it until it is released. */
public record BedHeld(String offerId, String requestId, String locationId, String careType, Instant heldAt) {
}
