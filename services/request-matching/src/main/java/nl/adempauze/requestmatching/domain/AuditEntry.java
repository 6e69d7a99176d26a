package nl.adempauze.requestmatching.domain;

import java.time.Instant;

/** One line of the audit trail: who (user, role, organisation), what (action, request), when and why. */
public record AuditEntry(long id, Instant at, String actor, String role, String organisation, AuditAction action,
                         String requestId, String reason) {

    public static AuditEntry of(Actor actor, AuditAction action, String requestId, String reason, Instant at) {
        return new AuditEntry(0, at, actor.subject(), actor.role(), actor.organisation(), action, requestId, reason);
    }
}
