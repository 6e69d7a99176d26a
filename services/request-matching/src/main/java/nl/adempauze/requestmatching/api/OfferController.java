package nl.adempauze.requestmatching.api;

import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.List;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.requestmatching.application.HandoverRecords;
import nl.adempauze.requestmatching.application.OfferCycle;
import nl.adempauze.requestmatching.application.OfferInbox;
import nl.adempauze.requestmatching.application.PatientRecords;
import nl.adempauze.requestmatching.application.RequestAccess;
import nl.adempauze.requestmatching.domain.DeclineReason;
import nl.adempauze.requestmatching.domain.Offer;
import nl.adempauze.requestmatching.domain.OfferStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A provider's inbox of offers and its answers. */
@RestController
@RequestMapping("/api/v1")
public class OfferController {

    private final OfferCycle offerCycle;
    private final OfferInbox inbox;
    private final PatientRecords patients;
    private final HandoverRecords handovers;

    public OfferController(OfferCycle offerCycle, OfferInbox inbox, PatientRecords patients,
                           HandoverRecords handovers) {
        this.handovers = handovers;
        this.offerCycle = offerCycle;
        this.inbox = inbox;
        this.patients = patients;
    }

    /** Offers to a location (its provider's inbox; also for the region's coordinators); open ones by default. */
    @GetMapping("/locations/{locationId}/offers")
    public Mono<List<OfferView>> ofLocation(@PathVariable String locationId,
                                            @RequestParam(required = false) List<OfferStatus> status, Caller caller) {
        Access.require(RequestAccess.mayViewOffers(caller), "Location", locationId);
        EnumSet<OfferStatus> statuses = status == null || status.isEmpty() ? EnumSet.of(OfferStatus.OPEN)
                : EnumSet.copyOf(status);
        return inbox.place(locationId)
                .switchIfEmpty(Mono.error(DomainException.notFound("Location", locationId)))
                .flatMap(place -> Access.check(RequestAccess.locationInbox(caller, place.providerId(), place.region()),
                        "Location", locationId, inbox.ofLocation(locationId, statuses).concatMap(this::view)
                                .collectList()));
    }

    /** One offer; to the provider that accepted it, with who the patient is (audited). */
    @GetMapping("/offers/{id}")
    public Mono<OfferView> get(@PathVariable String id, Caller caller) {
        Access.require(RequestAccess.mayViewOffers(caller), "Offer", id);
        return inbox.find(id).switchIfEmpty(Mono.error(DomainException.notFound("Offer", id)))
                .flatMap(offer -> Access.check(RequestAccess.viewOffer(caller, offer), "Offer", id,
                        viewFor(offer, caller)));
    }

    /** The provider accepts: the answer tells it who the patient is (audited). */
    @PostMapping("/offers/{id}/accept")
    public Mono<OfferView> accept(@PathVariable String id, @Valid @RequestBody(required = false) AnswerOffer.Accept body,
                                  Caller caller) {
        return answerable(id, caller)
                .flatMap(offer -> offerCycle.accept(id, body == null ? null : body.expectedAdmissionAt()))
                .flatMap(accepted -> viewFor(accepted, caller));
    }

    @PostMapping("/offers/{id}/decline")
    public Mono<OfferView> decline(@PathVariable String id, @Valid @RequestBody CodedReason<DeclineReason> body,
                                   Caller caller) {
        return answerable(id, caller)
                .flatMap(offer -> offerCycle.decline(id, body.code(DeclineReason.OTHER), body.words(),
                        Access.actor(caller)))
                .flatMap(this::view);
    }

    private Mono<Offer> answerable(String id, Caller caller) {
        Access.require(RequestAccess.mayAnswerOffers(caller), "Offer", id);
        return inbox.find(id).switchIfEmpty(Mono.error(DomainException.notFound("Offer", id)))
                .flatMap(offer -> Access.check(RequestAccess.answerOffer(caller, offer), "Offer", id,
                        Mono.just(offer)));
    }

    private Mono<OfferView> viewFor(Offer offer, Caller caller) {
        if (!RequestAccess.providerSeesPatient(caller, offer)) {
            return view(offer);
        }
        return view(offer).zipWith(patients.read(offer.requestId(), Access.actor(caller),
                        "provider admitting the patient of accepted offer " + offer.id(), false),
                (view, shown) -> shown.patient() == null ? view : view.withPatient(shown.patient()));
    }

    private Mono<OfferView> view(Offer offer) {
        return inbox.requestOf(offer).zipWith(handovers.available(offer.requestId()), (request, handover) ->
                new OfferView(offer.id(), offer.requestId(),
                offer.locationId(), offer.status().name(), offer.careType(), request.urgency().name(),
                request.needs(), request.municipality(), offer.rank(), offer.explanation(), offer.respondBy(),
                offer.offeredAt(), offer.reason(), offer.firstNight(), offer.nights(), null, offer.region(),
                offer.regionOfLocation(), offer.outsideRegion(), handover));
    }
}
