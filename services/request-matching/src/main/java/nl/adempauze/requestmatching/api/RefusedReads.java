package nl.adempauze.requestmatching.api;

import java.util.function.Supplier;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.requestmatching.application.AuditTrail;
import nl.adempauze.requestmatching.domain.AuditAction;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts a read of identifying details that is refused with 403 on the audit trail, then answers the refusal. */
@Component
class RefusedReads {

    private final AuditTrail audit;

    RefusedReads(AuditTrail audit) {
        this.audit = audit;
    }

    /** {@code read}, whose 403 (thrown or signalled) is recorded as {@code action} on {@code requestId}. */
    <T> Mono<T> recorded(AuditAction action, String requestId, String what, Caller caller, Supplier<Mono<T>> read) {
        return Mono.defer(read).onErrorResume(DomainException.class, refusal ->
                refusal.kind() != DomainException.Kind.FORBIDDEN ? Mono.error(refusal)
                        : audit.refused(Access.actor(caller), action, requestId, what).then(Mono.error(refusal)));
    }
}
