package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.requestmatching.domain.Actor;
import nl.adempauze.requestmatching.domain.AuditAction;
import nl.adempauze.requestmatching.domain.AuditEntry;
import nl.adempauze.requestmatching.domain.CoordinatorDecision;
import nl.adempauze.requestmatching.domain.CrisisQueueEntry;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.OverrideReason;
import nl.adempauze.requestmatching.domain.PriorityReason;
import nl.adempauze.requestmatching.domain.RequestNote;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.WaitingListOrder;
import nl.adempauze.requestmatching.persistence.AuditLog;
import nl.adempauze.requestmatching.persistence.CoordinatorDecisionLog;
import nl.adempauze.requestmatching.persistence.CrisisQueueRepository;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import nl.adempauze.requestmatching.persistence.RequestNoteRepository;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A coordinator's decisions on a request, each with a reason and on the record: letting a crisis request take
 * nights protected for planned respite, raising a waiting request's place on the waiting list, and offering the
 * bed of a location the coordinator chose from the request's ranking (matching by hand). Each goes on
 * the audit trail with the coordinator who made it, in the same transaction. An override and a priority raise take
 * a reason code (what events and the audit trail carry) and a note in words, kept encrypted with the request.
 */
@Service
public class CoordinatorDecisions {

    private final RequestRepository requests;
    private final CrisisQueueRepository crisisQueue;
    private final ReferenceDataRepository reference;
    private final OfferCycle offerCycle;
    private final Changes changes;
    private final CoordinatorDecisionLog decisions;
    private final RequestNoteRepository notes;
    private final TransactionalOperator tx;
    private final AuditLog audit;
    private final Clock clock;

    CoordinatorDecisions(RequestRepository requests, CrisisQueueRepository crisisQueue,
                         ReferenceDataRepository reference, OfferCycle offerCycle,
                         Changes changes, CoordinatorDecisionLog decisions, RequestNoteRepository notes,
                         TransactionalOperator tx, AuditLog audit, Clock clock) {
        this.requests = requests;
        this.crisisQueue = crisisQueue;
        this.reference = reference;
        this.offerCycle = offerCycle;
        this.changes = changes;
        this.decisions = decisions;
        this.notes = notes;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Lets a crisis request take protected nights. An escalated request is matched again at once, now also on
     * protected nights (locations refused for protection before are tried again); one with an offer in flight
     * uses the override for its next candidates.
     */
    public Mono<MatchingRequest> overrideProtection(String requestId, OverrideReason reason, String note,
                                                    Actor coordinator) {
        Instant now = clock.instant();
        RequestNote written = RequestNote.of(RequestNote.Subject.PROTECTION_OVERRIDDEN, reason, null, note,
                coordinator.subject(), now);
        Mono<MatchingRequest> work = locked(requestId)
                .flatMap(request -> reference.careType(request.region(), request.careType()).map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(rule -> changes.request(request,
                                request.overrideProtection(rule.orElse(null), reason, now)))
                        .flatMap(overridden -> recorded(overridden, CoordinatorDecision.PROTECTION_OVERRIDDEN,
                                AuditAction.PROTECTION_OVERRIDDEN, reason.name(), coordinator, null, now)
                                .then(notes.save(requestId, written))
                                .then(overridden.status() == RequestStatus.ESCALATED
                                        ? offerCycle.offerNext(overridden) : Mono.empty()))
                        .then(requests.find(requestId)));
        return tx.transactional(work);
    }

    /** Moves a waiting planned request up the waiting list (see {@link WaitingListOrder}). */
    public Mono<MatchingRequest> raisePriority(String requestId, PriorityReason reason, String note,
                                               Actor coordinator) {
        Instant now = clock.instant();
        RequestNote written = RequestNote.of(RequestNote.Subject.PRIORITY_RAISED, reason, null, note,
                coordinator.subject(), now);
        Mono<MatchingRequest> work = locked(requestId)
                .flatMap(request -> changes.request(request, request.raisePriority(reason, now)))
                .flatMap(raised -> recorded(raised, CoordinatorDecision.PRIORITY_RAISED, AuditAction.PRIORITY_RAISED,
                        reason.name(), coordinator, null, now))
                .then(notes.save(requestId, written))
                .then(requests.find(requestId));
        return tx.transactional(work);
    }

    /**
     * Matching by hand: the coordinator chose a location from the request's ranking. 409 unless the request still
     * looks for a bed; see {@link OfferCycle#offerChosen} for the rest.
     */
    public Mono<MatchingRequest> offerByHand(String requestId, String locationId, String reason, Actor coordinator) {
        Instant now = clock.instant();
        Mono<MatchingRequest> work = locked(requestId)
                .flatMap(request -> {
                    request.requireOfferByHand();
                    return offerCycle.offerChosen(request, locationId)
                            .then(recorded(request, CoordinatorDecision.MANUAL_OFFER, AuditAction.MANUAL_OFFER,
                                    reason, coordinator, locationId, now));
                })
                .then(requests.find(requestId));
        return tx.transactional(work);
    }

    /**
     * Sets the care type of a request awaiting triage, or changes it while the request looks for a bed (re-triage):
     * the offer in flight is withdrawn and the request is matched again with the new type. 400 on {@code careType}
     * when the region does not offer it (or the request already has it), 409 unless the request is open.
     */
    public Mono<MatchingRequest> setCareType(String requestId, String careType, String reason, Actor coordinator) {
        Instant now = clock.instant();
        Mono<MatchingRequest> work = locked(requestId)
                .flatMap(request -> reference.careType(request.region(), careType)
                        .switchIfEmpty(Mono.error(DomainException.invalidField("careType", "Care type '" + careType
                                + "' is not offered in region " + request.region())))
                        .flatMap(rule -> {
                            var changed = request.setCareType(rule, now);
                            return offerCycle.withdrawForCareTypeChange(request)
                                    .then(changes.request(request, changed))
                                    .flatMap(set -> decisions.record(requestId, set.region(),
                                                    CoordinatorDecision.CARE_TYPE_SET, reason, coordinator.subject(),
                                                    null, now)
                                            .then(audit.record(AuditEntry.of(coordinator, AuditAction.CARE_TYPE_SET,
                                                    requestId, "care type " + (request.careType() == null ? "(none: triage)"
                                                            : request.careType()) + " -> " + careType + ": " + reason,
                                                    now)))
                                            .then(offerCycle.offerNext(set)));
                        }))
                .then(requests.find(requestId));
        return tx.transactional(work);
    }

    /** Pauses the crisis queue's re-matching of one queued request, with a reason (409 unless it is queued). */
    public Mono<MatchingRequest> pauseQueue(String requestId, String reason, Actor coordinator) {
        return queueDecision(requestId, (request, entry) -> request.pauseQueue(entry, reason),
                CoordinatorDecision.QUEUE_PAUSED, AuditAction.QUEUE_PAUSED, reason, coordinator);
    }

    /** Resumes the crisis queue's re-matching of a paused request (409 unless it is paused in the queue). */
    public Mono<MatchingRequest> resumeQueue(String requestId, String reason, Actor coordinator) {
        return queueDecision(requestId, MatchingRequest::resumeQueue, CoordinatorDecision.QUEUE_RESUMED,
                AuditAction.QUEUE_RESUMED, reason, coordinator);
    }

    /** A decision on the request's crisis queue entry (null when it was never queued), which the request makes. */
    private Mono<MatchingRequest> queueDecision(String requestId,
                                                BiFunction<MatchingRequest, CrisisQueueEntry, CrisisQueueEntry> decide,
                                                String kind, AuditAction action, String reason, Actor coordinator) {
        Instant now = clock.instant();
        Mono<MatchingRequest> work = locked(requestId)
                .flatMap(request -> crisisQueue.find(requestId).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(entry -> crisisQueue.save(decide.apply(request, entry.orElse(null))))
                        .then(recorded(request, kind, action, reason, coordinator, null, now)))
                .then(requests.find(requestId));
        return tx.transactional(work);
    }

    private Mono<MatchingRequest> locked(String requestId) {
        return requests.lock(requestId).switchIfEmpty(Mono.error(DomainException.notFound("Request", requestId)));
    }

    /** The decision on the request's list of decisions and on the audit trail. */
    private Mono<Void> recorded(MatchingRequest request, String kind, AuditAction action, String reason,
                                Actor coordinator, String locationId, Instant now) {
        return decisions.record(request.id(), request.region(), kind, reason, coordinator.subject(), locationId, now)
                .then(audit.record(AuditEntry.of(coordinator, action, request.id(), reason, now)));
    }
}
