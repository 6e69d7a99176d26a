package nl.adempauze.requestmatching.api;

import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.requestmatching.domain.RequestAccess.Verdict;
import reactor.core.publisher.Mono;

/** Turns an access verdict into the answer the caller gets: on, 403, or 404 as if the thing did not exist. */
final class Access {

    private Access() {
    }

    static <T> Mono<T> check(Verdict verdict, String what, String id, Mono<T> then) {
        return Mono.defer(() -> {
            require(verdict, what, id);
            return then;
        });
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
