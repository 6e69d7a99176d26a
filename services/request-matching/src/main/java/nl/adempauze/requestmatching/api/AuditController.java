package nl.adempauze.requestmatching.api;

import java.time.Instant;
import java.util.List;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.requestmatching.application.AuditTrail;
import nl.adempauze.requestmatching.application.RequestAccess;
import nl.adempauze.requestmatching.domain.AuditAction;
import nl.adempauze.requestmatching.domain.AuditChain;
import nl.adempauze.requestmatching.domain.AuditEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The audit trail for admins: who read or changed identifying details (or was refused), every coordinator override;
 * and the check of its hash chain. Reading it and checking it are on the trail too.
 */
@RestController
public class AuditController {

    private static final int MAX_ENTRIES = 1000;

    private final AuditTrail audit;

    public AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    /** Newest first; every filter optional; {@code from} inclusive, {@code to} exclusive. */
    @GetMapping("/api/v1/audit")
    public Mono<List<AuditEntry>> entries(@RequestParam(required = false) String requestId,
                                          @RequestParam(required = false) String actor,
                                          @RequestParam(required = false) String organisation,
                                          @RequestParam(required = false) AuditAction action,
                                          @RequestParam(required = false) Instant from,
                                          @RequestParam(required = false) Instant to,
                                          @RequestParam(defaultValue = "200") int limit, Caller caller) {
        Access.require(RequestAccess.audit(caller), "Audit trail", "audit");
        if (limit < 1 || limit > MAX_ENTRIES) {
            return Mono.error(DomainException.invalidField("limit", "limit must be 1 to " + MAX_ENTRIES));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            return Mono.error(DomainException.invalidField("from", "from must lie before to"));
        }
        return audit.find(Access.actor(caller), requestId, actor, organisation, action, from, to, limit);
    }

    /** Whether the hash chain holds from the first entry to the last; if not, the first entry where it breaks. */
    @GetMapping("/api/v1/audit/verification")
    public Mono<AuditChain.Verdict> verification(Caller caller) {
        Access.require(RequestAccess.audit(caller), "Audit trail", "audit");
        return audit.verify(Access.actor(caller));
    }
}
