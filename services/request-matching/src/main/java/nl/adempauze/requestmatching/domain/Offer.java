package nl.adempauze.requestmatching.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A bed proposed to a provider for a request: free now, or the nights {@code firstNight} + {@code nights} of a stay
 * on the calendar. For a crisis stay, how many protected nights it took by release and by override.
 */
public record Offer(String id, String requestId, String region, String locationId, String providerId, String careType,
                    int rank, String explanation, OfferStatus status, String reason, Instant respondBy,
                    Instant createdAt, Instant offeredAt, Instant answeredAt, LocalDate firstNight, Integer nights,
                    int protectedNightsReleased, int protectedNightsOverridden, String declineCode) {
}
