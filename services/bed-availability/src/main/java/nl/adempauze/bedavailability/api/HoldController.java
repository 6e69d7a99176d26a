package nl.adempauze.bedavailability.api;

import nl.adempauze.bedavailability.api.AccessRules.Action;
import nl.adempauze.bedavailability.application.HoldService;
import nl.adempauze.bedavailability.domain.Hold;
import nl.adempauze.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The bed held for an offer; the provider confirms admission and discharge here. A hold concerns a patient: it is
 * shown to its provider and to coordinators of its region only, and to anyone else answered with 404.
 */
@RestController
@RequestMapping("/api/v1/holds/{offerId}")
public class HoldController {

    private final HoldService service;
    private final Access access;

    public HoldController(HoldService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @GetMapping
    public Mono<Hold> hold(Caller caller, @PathVariable String offerId) {
        return access.hold(caller, offerId, Action.READ_HOLD);
    }

    @PostMapping("/admission")
    public Mono<Hold> admit(Caller caller, @PathVariable String offerId) {
        return access.hold(caller, offerId, Action.CONFIRM_STAY).then(Mono.defer(() -> service.admit(offerId)));
    }

    @PostMapping("/discharge")
    public Mono<Hold> discharge(Caller caller, @PathVariable String offerId) {
        return access.hold(caller, offerId, Action.CONFIRM_STAY).then(Mono.defer(() -> service.discharge(offerId)));
    }
}
