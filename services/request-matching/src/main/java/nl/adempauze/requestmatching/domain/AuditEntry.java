package nl.adempauze.requestmatching.domain;

import java.time.Instant;

/**
 * One line of the audit trail: who (user, role, organisation, the client and address they called from), what
 * (action, request), when and why.
 */
public record AuditEntry(long id, Instant at, String actor, String role, String organisation, AuditAction action,
                         String requestId, String reason, String client, String address) {

    /** An entry to record; where the call came from is added when it is recorded. */
    public static AuditEntry of(Actor actor, AuditAction action, String requestId, String reason, Instant at) {
        return new AuditEntry(0, at, actor.subject(), actor.role(), actor.organisation(), action, requestId, reason,
                null, null);
    }

    public AuditEntry from(RequestOrigin origin) {
        return new AuditEntry(id, at, actor, role, organisation, action, requestId, reason, origin.client(),
                origin.address());
    }
}
