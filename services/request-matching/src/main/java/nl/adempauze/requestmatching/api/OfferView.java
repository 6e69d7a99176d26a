package nl.adempauze.requestmatching.api;

import java.time.Instant;
import java.util.List;

/**
 * An offer as the provider sees it in its inbox: the pseudonymous request id and needs profile, the deadline.
 * Contact details are not part of it.
 */
public record OfferView(String id, String requestId, String locationId, String status, String careType,
                        String urgency, List<String> needs, String municipality, int rank, String explanation,
                        Instant respondBy, Instant offeredAt, String reason) {
}
