package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.adempauze.requestmatching.domain.Actor;
import nl.adempauze.requestmatching.domain.AuditAction;
import nl.adempauze.requestmatching.domain.AuditChain;
import nl.adempauze.requestmatching.domain.AuditEntry;
import nl.adempauze.requestmatching.persistence.AuditLog;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The audit trail as admins read and check it (each read and check is itself on the trail), and the refused reads
 * of identifying details it records.
 */
@Service
public class AuditTrail {

    private final AuditLog audit;
    private final Clock clock;

    AuditTrail(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Newest first; every filter optional (null); {@code from} inclusive, {@code to} exclusive. The read is recorded
     * first (with its filters): a read that cannot be recorded is not answered.
     */
    public Mono<List<AuditEntry>> find(Actor reader, String requestId, String actor, String organisation,
                                       AuditAction action, Instant from, Instant to, int limit) {
        String filters = Stream.of(filter("requestId", requestId), filter("actor", actor),
                        filter("organisation", organisation), filter("action", action), filter("from", from),
                        filter("to", to), filter("limit", limit))
                .filter(Objects::nonNull).collect(Collectors.joining(", "));
        return audit.record(AuditEntry.of(reader, AuditAction.AUDIT_READ, null, filters, clock.instant()))
                .then(audit.find(new AuditLog.Query(requestId, actor, organisation, action, from, to, limit))
                        .collectList());
    }

    /** Walks the hash chain from the first entry: intact, or the first entry where it breaks (the check recorded). */
    public Mono<AuditChain.Verdict> verify(Actor checker) {
        return Mono.defer(() -> {
            AuditChain chain = new AuditChain();
            return audit.chain().takeWhile(chain::accept).then(Mono.fromSupplier(chain::verdict));
        }).flatMap(verdict -> audit.record(AuditEntry.of(checker, AuditAction.AUDIT_VERIFIED, null,
                verdict.intact() ? "intact, " + verdict.entries() + " entries"
                        : "broken at entry " + verdict.firstBrokenEntry(), clock.instant())).thenReturn(verdict));
    }

    /** Someone was refused a read of identifying details ({@code what}: the resource asked for). */
    public Mono<Void> refused(Actor actor, AuditAction action, String requestId, String what) {
        return audit.record(AuditEntry.of(actor, action, requestId, "refused: " + what, clock.instant()));
    }

    private static String filter(String name, Object value) {
        return value == null ? null : name + "=" + value;
    }
}
