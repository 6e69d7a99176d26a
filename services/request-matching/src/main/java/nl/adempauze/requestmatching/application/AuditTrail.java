package nl.adempauze.requestmatching.application;

import java.time.Instant;
import java.util.List;
import nl.adempauze.requestmatching.domain.AuditAction;
import nl.adempauze.requestmatching.domain.AuditEntry;
import nl.adempauze.requestmatching.persistence.AuditLog;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The audit trail as admins read it: who read or changed identifying details, and every coordinator override. */
@Service
public class AuditTrail {

    private final AuditLog audit;

    AuditTrail(AuditLog audit) {
        this.audit = audit;
    }

    /** Newest first; every filter optional (null); {@code from} inclusive, {@code to} exclusive. */
    public Mono<List<AuditEntry>> find(String requestId, String actor, String organisation, AuditAction action,
                                       Instant from, Instant to, int limit) {
        return audit.find(new AuditLog.Query(requestId, actor, organisation, action, from, to, limit)).collectList();
    }
}
