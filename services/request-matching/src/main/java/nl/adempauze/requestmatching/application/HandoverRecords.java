package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Instant;
import nl.adempauze.requestmatching.domain.Actor;
import nl.adempauze.requestmatching.domain.AuditAction;
import nl.adempauze.requestmatching.domain.AuditEntry;
import nl.adempauze.requestmatching.domain.Handover;
import nl.adempauze.requestmatching.persistence.AuditLog;
import nl.adempauze.requestmatching.persistence.HandoverRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Every way a handover (aanmeldbericht) is given, shown or replaced, each on the audit trail in the same
 * transaction: a read that cannot be recorded is not answered. Who may do it is decided before (see
 * {@link RequestAccess}); purging is {@link PatientRecords#purge}'s, with the patient's details.
 */
@Service
public class HandoverRecords {

    private final HandoverRepository handovers;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    public HandoverRecords(HandoverRepository handovers, AuditLog audit, TransactionalOperator tx, Clock clock) {
        this.handovers = handovers;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Records a handover given with a new request, inside the submitting transaction. */
    public Mono<Void> recordNew(String requestId, Handover handover, Actor actor) {
        Instant now = clock.instant();
        return handovers.save(requestId, handover, now)
                .then(audit.record(AuditEntry.of(actor, AuditAction.HANDOVER_RECORDED, requestId, null, now)));
    }

    /** Gives or replaces a request's handover. */
    public Mono<Void> change(String requestId, Handover handover, Actor actor) {
        Instant now = clock.instant();
        return tx.transactional(handovers.save(requestId, handover, now)
                .then(audit.record(AuditEntry.of(actor, AuditAction.HANDOVER_CHANGED, requestId, null, now))));
    }

    /** The request's handover (empty if none), recorded as read by {@code actor} for the stated purpose. */
    public Mono<Handover> read(String requestId, Actor actor, String purpose) {
        return tx.transactional(handovers.find(requestId)
                .flatMap(handover -> audit.record(AuditEntry.of(actor, AuditAction.HANDOVER_READ, requestId, purpose,
                        clock.instant())).thenReturn(handover)));
    }

    /** Whether the request has a handover: all its views and events may say about it. */
    public Mono<Boolean> available(String requestId) {
        return handovers.exists(requestId);
    }
}
