package nl.adempauze.requestmatching.api;

import java.time.Instant;
import java.util.List;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.Offer;
import nl.adempauze.requestmatching.domain.RankedCandidate;
import nl.adempauze.requestmatching.persistence.ReplicaRepository.LocationSummary;
import nl.adempauze.requestmatching.persistence.RequestRepository.EscalationRow;

/** A request as its referrer (or a coordinator) sees it: status, current offer, match, ranking and escalations. */
public record RequestView(String id, String status, String region, String careType, String urgency,
                          List<String> needs, String postcode, String municipality, String funder,
                          MatchingRequest.Contact contact, Instant neededBy, Instant submittedAt, Instant updatedAt,
                          OfferView currentOffer, Match match, List<RankedCandidate> ranking,
                          List<OfferView> offers, List<EscalationRow> escalations, String cancelReason) {

    public record OfferView(String id, String locationId, String providerId, String status, int rank,
                            String explanation, String reason, Instant respondBy, Instant offeredAt, Instant answeredAt) {

        static OfferView of(Offer offer) {
            return new OfferView(offer.id(), offer.locationId(), offer.providerId(), offer.status().name(),
                    offer.rank(), offer.explanation(), offer.reason(), offer.respondBy(), offer.offeredAt(),
                    offer.answeredAt());
        }
    }

    /** Where the patient goes, shown once an offer was accepted. */
    public record Match(String offerId, String locationId, String locationName, String providerName, String street,
                        String postcode, String city, Instant expectedAdmissionAt) {

        static Match of(MatchingRequest request, LocationSummary location) {
            return new Match(request.matchedOfferId(), location.id(), location.name(), location.providerName(),
                    location.street(), location.postcode(), location.city(), request.expectedAdmissionAt());
        }
    }
}
