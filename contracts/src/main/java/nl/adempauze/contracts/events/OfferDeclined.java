package nl.adempauze.contracts.events;

import java.time.Instant;

/**
 * The provider declined an offer, with a reason code ({@code NO_BED}, {@code CARE_TOO_COMPLEX}, ... or {@code OTHER}):
 * never free text, which may name the patient and stays in request-matching.
 */
public record OfferDeclined(
        String offerId,
        String requestId,
        String region,
        String locationId,
        String providerId,
        String careType,
        String reason,
        Instant declinedAt) {
}
