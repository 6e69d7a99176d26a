package nl.adempauze.requestmatching.api;

import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.List;
import nl.adempauze.platform.web.ApiProblem;
import nl.adempauze.requestmatching.domain.Offer;
import nl.adempauze.requestmatching.domain.OfferCycle;
import nl.adempauze.requestmatching.domain.OfferStatus;
import nl.adempauze.requestmatching.persistence.OfferRepository;
import nl.adempauze.requestmatching.persistence.RequestRepository;
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
    private final OfferRepository offers;
    private final RequestRepository requests;

    public OfferController(OfferCycle offerCycle, OfferRepository offers, RequestRepository requests) {
        this.offerCycle = offerCycle;
        this.offers = offers;
        this.requests = requests;
    }

    /** Offers to a location; open ones by default. */
    @GetMapping("/locations/{locationId}/offers")
    public Mono<List<OfferView>> ofLocation(@PathVariable String locationId,
                                            @RequestParam(required = false) List<OfferStatus> status) {
        EnumSet<OfferStatus> statuses = status == null || status.isEmpty() ? EnumSet.of(OfferStatus.OPEN)
                : EnumSet.copyOf(status);
        return offers.ofLocation(locationId, statuses).concatMap(this::view).collectList();
    }

    @GetMapping("/offers/{id}")
    public Mono<OfferView> get(@PathVariable String id) {
        return offers.find(id).switchIfEmpty(Mono.error(ApiProblem.notFound("Offer", id))).flatMap(this::view);
    }

    @PostMapping("/offers/{id}/accept")
    public Mono<OfferView> accept(@PathVariable String id, @Valid @RequestBody(required = false) AnswerOffer.Accept body) {
        return offerCycle.accept(id, body == null ? null : body.expectedAdmissionAt()).flatMap(this::view);
    }

    @PostMapping("/offers/{id}/decline")
    public Mono<OfferView> decline(@PathVariable String id, @Valid @RequestBody AnswerOffer.Decline body) {
        return offerCycle.decline(id, body.reason(), body.reasonCode()).flatMap(this::view);
    }

    private Mono<OfferView> view(Offer offer) {
        return requests.find(offer.requestId()).map(request -> new OfferView(offer.id(), offer.requestId(),
                offer.locationId(), offer.status().name(), offer.careType(), request.urgency().name(),
                request.needs(), request.municipality(), offer.rank(), offer.explanation(), offer.respondBy(),
                offer.offeredAt(), offer.reason(), offer.firstNight(), offer.nights()));
    }
}
