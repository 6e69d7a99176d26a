package nl.adempauze.notification.application;

import java.time.Clock;
import java.util.List;
import nl.adempauze.notification.domain.FollowUp;
import nl.adempauze.notification.domain.KnownRequest;
import nl.adempauze.notification.persistence.FollowUpRepository;
import nl.adempauze.notification.persistence.KnownRequestRepository;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.security.Role;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A referrer's follow-up of one of its organisation's requests: set, read and removed by a REFERRER of the
 * organisation that submitted it (403 for other roles; 404 for another organisation's request, or one notification
 * has not heard of yet, so the answer does not tell whether it exists).
 */
@Service
public class FollowUpService {

    private final FollowUpRepository followUps;
    private final KnownRequestRepository requests;
    private final Clock clock;

    public FollowUpService(FollowUpRepository followUps, KnownRequestRepository requests, Clock clock) {
        this.followUps = followUps;
        this.requests = requests;
        this.clock = clock;
    }

    /** Checked before the body is read: only referrers with an organisation set follow-ups. */
    public static void checkReferrer(Caller caller) {
        if (!caller.is(Role.REFERRER)) {
            throw DomainException.forbidden("Only a referrer follows up its organisation's requests");
        }
        if (caller.organisation() == null || caller.organisation().isBlank()) {
            throw DomainException.forbidden("Your token names no organisation");
        }
    }

    /** Sets (or replaces) the request's follow-up; bad input is refused naming the field, storing nothing. */
    public Mono<FollowUp> set(Caller caller, String requestId, String email, String phone, List<String> events) {
        return ownRequest(caller, requestId).flatMap(request -> {
            FollowUp followUp = FollowUp.of(requestId, request.referrerOrganisation(), email, phone, events,
                    caller.subject(), clock.instant());
            return followUps.save(followUp).thenReturn(followUp);
        });
    }

    public Mono<FollowUp> get(Caller caller, String requestId) {
        return ownRequest(caller, requestId).flatMap(request -> followUps.find(requestId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound(
                        "Follow-up of request", requestId)));
    }

    /** Stops the follow-up; messages already stored are still sent. */
    public Mono<Void> remove(Caller caller, String requestId) {
        return ownRequest(caller, requestId).flatMap(request -> followUps.delete(requestId));
    }

    private Mono<KnownRequest> ownRequest(Caller caller, String requestId) {
        checkReferrer(caller);
        return requests.find(requestId)
                .filter(request -> caller.refersFor(request.referrerOrganisation()))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound(
                        "Request", requestId)));
    }
}
