package nl.adempauze.notification.api;

import nl.adempauze.notification.application.FollowUpService;
import nl.adempauze.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A referrer's wish to be told by e-mail or SMS when its request is placed or escalated (or booked and about to
 * begin), see {@link FollowUpService}. The role is checked before the body is read.
 */
@RestController
public class FollowUpController {

    private static final String PATH = "/api/v1/requests/{id}/follow-up";

    private final FollowUpService followUps;

    public FollowUpController(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @PutMapping(PATH)
    public Mono<FollowUpResponse> set(Caller caller, @PathVariable String id,
                                      @RequestBody Mono<FollowUpRequest> body) {
        FollowUpService.checkReferrer(caller);
        return body.flatMap(request -> followUps.set(caller, id, request.email(), request.phone(), request.events()))
                .map(FollowUpResponse::from);
    }

    @GetMapping(PATH)
    public Mono<FollowUpResponse> get(Caller caller, @PathVariable String id) {
        return followUps.get(caller, id).map(FollowUpResponse::from);
    }

    @DeleteMapping(PATH)
    public Mono<ResponseEntity<Void>> remove(Caller caller, @PathVariable String id) {
        return followUps.remove(caller, id).thenReturn(ResponseEntity.noContent().build());
    }
}
