package nl.adempauze.bedavailability.api;

import nl.adempauze.bedavailability.domain.Hold;
import nl.adempauze.bedavailability.domain.HoldService;
import nl.adempauze.bedavailability.persistence.HoldRepository;
import nl.adempauze.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The bed held for an offer; the provider confirms admission and discharge here. */
@RestController
@RequestMapping("/api/v1/holds/{offerId}")
public class HoldController {

    private final HoldService service;
    private final HoldRepository holds;

    public HoldController(HoldService service, HoldRepository holds) {
        this.service = service;
        this.holds = holds;
    }

    @GetMapping
    public Mono<Hold> hold(@PathVariable String offerId) {
        return holds.find(offerId).switchIfEmpty(Mono.error(ApiProblem.notFound("Hold", offerId)));
    }

    @PostMapping("/admission")
    public Mono<Hold> admit(@PathVariable String offerId) {
        return service.admit(offerId);
    }

    @PostMapping("/discharge")
    public Mono<Hold> discharge(@PathVariable String offerId) {
        return service.discharge(offerId);
    }
}
