package nl.adempauze.requestmatching.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.adempauze.requestmatching.domain.PatientDetails;

/**
 * An offer as the provider sees it in its inbox: the pseudonymous request id and needs profile, the deadline, and
 * for a stay on the calendar its nights. Who the patient is ({@code patient}) only once the provider has accepted.
 * Across the border ({@code outsideRegion}): the request comes from {@code requestRegion}, a neighbour of the
 * location's region {@code locationRegion}. Whether a handover (aanmeldbericht) is there to read before answering
 * ({@code handoverAvailable}; it is read, audited, with {@code GET /api/v1/offers/{id}/handover}).
 */
public record OfferView(String id, String requestId, String locationId, String status, String careType,
                        String urgency, List<String> needs, String municipality, int rank, String explanation,
                        Instant respondBy, Instant offeredAt, String reason, LocalDate firstNight, Integer nights,
                        PatientDetails patient, String requestRegion, String locationRegion, boolean outsideRegion,
                        boolean handoverAvailable) {

    OfferView withPatient(PatientDetails details) {
        return new OfferView(id, requestId, locationId, status, careType, urgency, needs, municipality, rank,
                explanation, respondBy, offeredAt, reason, firstNight, nights, details, requestRegion, locationRegion,
                outsideRegion, handoverAvailable);
    }
}
