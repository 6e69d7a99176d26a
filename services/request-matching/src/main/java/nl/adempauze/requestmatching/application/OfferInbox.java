package nl.adempauze.requestmatching.application;

import java.util.Set;
import nl.adempauze.requestmatching.domain.LocationPlace;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.Offer;
import nl.adempauze.requestmatching.domain.OfferStatus;
import nl.adempauze.requestmatching.persistence.OfferRepository;
import nl.adempauze.requestmatching.persistence.ReplicaRepository;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What a provider's inbox reads: a location's offers, one offer, and the request an offer is for. */
@Service
public class OfferInbox {

    private final OfferRepository offers;
    private final RequestRepository requests;
    private final ReplicaRepository replica;

    OfferInbox(OfferRepository offers, RequestRepository requests, ReplicaRepository replica) {
        this.offers = offers;
        this.requests = requests;
        this.replica = replica;
    }

    /** Whose the location is and in which region; empty for an unknown location. */
    public Mono<LocationPlace> place(String locationId) {
        return replica.locationPlace(locationId);
    }

    /** The location's offers in {@code statuses}, newest first. */
    public Flux<Offer> ofLocation(String locationId, Set<OfferStatus> statuses) {
        return offers.ofLocation(locationId, statuses);
    }

    public Mono<Offer> find(String offerId) {
        return offers.find(offerId);
    }

    public Mono<MatchingRequest> requestOf(Offer offer) {
        return requests.find(offer.requestId());
    }
}
