package nl.adempauze.requestmatching.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An offer as the provider sees it in its inbox: the pseudonymous request id and needs profile, the deadline, and
 * for a stay on the calendar its nights. Contact details are not part of it.
 */
public record OfferView(String id, String requestId, String locationId, String status, String careType,
                        String urgency, List<String> needs, String municipality, int rank, String explanation,
                        Instant respondBy, Instant offeredAt, String reason, LocalDate firstNight, Integer nights) {
}
