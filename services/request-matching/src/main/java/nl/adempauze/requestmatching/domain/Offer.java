package nl.adempauze.requestmatching.domain;

import java.time.Instant;

/** A bed proposed to a provider for a request. */
public record Offer(String id, String requestId, String region, String locationId, String providerId, String careType,
                    int rank, String explanation, OfferStatus status, String reason, Instant respondBy,
                    Instant createdAt, Instant offeredAt, Instant answeredAt) {
}
