package nl.adempauze.requestmatching.api;

import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.requestmatching.application.HandoverRecords;
import nl.adempauze.requestmatching.application.OfferInbox;
import nl.adempauze.requestmatching.application.RequestAccess;
import nl.adempauze.requestmatching.application.RequestReading;
import nl.adempauze.requestmatching.domain.AuditAction;
import nl.adempauze.requestmatching.domain.Handover;
import nl.adempauze.requestmatching.domain.OfferStatus;
import nl.adempauze.requestmatching.domain.RequestStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The handover before acceptance (aanmeldbericht): given or replaced by the request's referrer organisation or the
 * region's coordinators while the request is open; read by them, and by the provider of an offer while it is open
 * (to judge it) or accepted. Every read and change is on the audit trail.
 */
@RestController
@RequestMapping("/api/v1")
public class HandoverController {

    private final HandoverRecords handovers;
    private final RequestReading reading;
    private final OfferInbox inbox;

    private final RefusedReads refusedReads;

    public HandoverController(HandoverRecords handovers, RequestReading reading, OfferInbox inbox,
                              RefusedReads refusedReads) {
        this.refusedReads = refusedReads;
        this.handovers = handovers;
        this.reading = reading;
        this.inbox = inbox;
    }

    /** Gives or replaces the handover of an open request (audited); 409 once it no longer looks for a bed. */
    @PutMapping("/requests/{id}/handover")
    public Mono<ResponseEntity<Void>> change(@PathVariable String id, @RequestBody Handover body, Caller caller) {
        body.check("");
        return Access.followed(reading, id, caller)
                .flatMap(request -> !RequestStatus.OPEN.contains(request.status())
                        ? Mono.error(DomainException.conflict("Request not open", "Request " + id + " is "
                                + request.status() + "; its handover can no longer be changed"))
                        : handovers.change(id, body, Access.actor(caller)))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    /** The handover of a request, to its referrer organisation and the region's coordinators (audited). */
    @GetMapping("/requests/{id}/handover")
    public Mono<Handover> ofRequest(@PathVariable String id, Caller caller) {
        return refusedReads.recorded(AuditAction.HANDOVER_READ_REFUSED, id, "GET /api/v1/requests/" + id
                + "/handover", caller, () -> Access.followed(reading, id, caller)
                .flatMap(request -> handovers.read(id, Access.actor(caller), Access.followerPurpose(caller)))
                .switchIfEmpty(Mono.error(DomainException.notFound("Handover", "of request " + id))));
    }

    /**
     * The handover of the request an offer is for, to the provider it was made to, while the offer is open (to judge
     * it before answering) or accepted (audited); otherwise, as for anyone else's offer, 404.
     */
    @GetMapping("/offers/{id}/handover")
    public Mono<Handover> ofOffer(@PathVariable String id, Caller caller) {
        // the request is not looked up for a refusal: the offer names it in the reason
        return refusedReads.recorded(AuditAction.HANDOVER_READ_REFUSED, null, "GET /api/v1/offers/" + id
                + "/handover", caller, () -> handoverOfOffer(id, caller));
    }

    private Mono<Handover> handoverOfOffer(String id, Caller caller) {
        Access.require(RequestAccess.mayAnswerOffers(caller), "Offer", id);
        return inbox.find(id).switchIfEmpty(Mono.error(DomainException.notFound("Offer", id)))
                .flatMap(offer -> Access.check(RequestAccess.offerHandover(caller, offer), "Offer", id,
                        handovers.read(offer.requestId(), Access.actor(caller), (offer.status() == OfferStatus.OPEN
                                ? "provider judging open offer " : "provider admitting the patient of accepted offer ")
                                + offer.id())))
                .switchIfEmpty(Mono.error(DomainException.notFound("Handover", "of offer " + id)));
    }
}
