package nl.adempauze.requestmatching.domain;

import java.util.List;

/**
 * Everything the view of one request shows, read in one go: its offers (oldest first), the location of its matched
 * offer (null if none or unknown), its ranking, escalations, the occurrences of its series, the coordinator's
 * decisions, while it waits, its place on the waiting list (1 = next; null when not waiting) and, if it ever was in
 * the crisis queue, its entry there (else null).
 */
public record RequestDetails(MatchingRequest request, List<Offer> offers, LocationSummary matchedLocation,
                             List<RankedCandidate> ranking, List<Escalation> escalations, List<String> series,
                             List<CoordinatorDecision> decisions, Integer waitingPosition,
                             CrisisQueueEntry crisisQueue, boolean handoverAvailable) {

    /** The offer the request was matched or booked on, if any. */
    public Offer matchedOffer() {
        return offers.stream().filter(offer -> offer.id().equals(request.matchedOfferId())).findFirst().orElse(null);
    }

    /** The offer in flight or accepted, the latest if several: what the request waits on or was given. */
    public Offer currentOffer() {
        return offers.stream().filter(offer -> offer.status().current()).reduce((first, second) -> second)
                .orElse(null);
    }

    public RequestDetails withWaitingPosition(int position) {
        return new RequestDetails(request, offers, matchedLocation, ranking, escalations, series, decisions, position,
                crisisQueue, handoverAvailable);
    }
}
