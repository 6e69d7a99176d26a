package nl.adempauze.requestmatching.api;

import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.security.Role;
import nl.adempauze.requestmatching.application.RequestAccess;
import nl.adempauze.requestmatching.application.RequestAccess.Verdict;
import nl.adempauze.requestmatching.application.RequestReading;
import nl.adempauze.requestmatching.domain.Actor;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import reactor.core.publisher.Mono;

/**
 * Turns an access verdict into the answer the caller gets: on, 403, or 404 as if the thing did not exist; and the
 * caller into the actor that goes on the record.
 */
final class Access {

    private Access() {
    }

    static <T> Mono<T> check(Verdict verdict, String what, String id, Mono<T> then) {
        return Mono.defer(() -> {
            require(verdict, what, id);
            return then;
        });
    }

    /** The caller as the audit trail and the coordinator's decisions record them. */
    static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.mainRole() == null ? "NONE" : caller.mainRole().name(),
                caller.organisation());
    }

    /** The request, if the caller may follow it (its referrer organisation, or a coordinator of its region). */
    static Mono<MatchingRequest> followed(RequestReading reading, String id, Caller caller) {
        require(RequestAccess.mayFollowRequests(caller), "Request", id);
        return reading.find(id).switchIfEmpty(Mono.error(DomainException.notFound("Request", id)))
                .flatMap(request -> check(RequestAccess.follow(caller, request), "Request", id, Mono.just(request)));
    }

    /** Why someone who follows a request reads what is sensitive about it, as the audit trail records it. */
    static String followerPurpose(Caller caller) {
        return caller.is(Role.COORDINATOR) ? "coordinator of the request's region"
                : "referrer organisation following its request";
    }

    static void require(Verdict verdict, String what, String id) {
        if (verdict == Verdict.HIDDEN) {
            throw DomainException.notFound(what, id);
        }
        if (verdict == Verdict.FORBIDDEN) {
            throw DomainException.forbidden("You may not do this with " + what.toLowerCase() + " '" + id + "'");
        }
    }
}
