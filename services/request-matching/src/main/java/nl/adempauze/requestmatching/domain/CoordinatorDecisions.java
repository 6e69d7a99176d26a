package nl.adempauze.requestmatching.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import nl.adempauze.contracts.events.ProtectionOverridden;
import nl.adempauze.contracts.events.WaitingPriorityRaised;
import nl.adempauze.platform.outbox.Outbox;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.requestmatching.persistence.AuditLog;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A coordinator's decisions on a request, each with a reason and on the record: letting a crisis request take
 * nights protected for planned respite, raising a waiting request's place on the waiting list, and offering the
 * bed of a location the coordinator chose from the request's ranking (matching by hand). Each goes on
 * the audit trail with the coordinator who made it, in the same transaction.
 */
@Service
public class CoordinatorDecisions {

    static final String PROTECTION_OVERRIDDEN = "PROTECTION_OVERRIDDEN";
    static final String PRIORITY_RAISED = "PRIORITY_RAISED";
    static final String MANUAL_OFFER = "MANUAL_OFFER";

    private final RequestRepository requests;
    private final ReferenceDataRepository reference;
    private final OfferCycle offerCycle;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final AuditLog audit;
    private final Clock clock;

    public CoordinatorDecisions(RequestRepository requests, ReferenceDataRepository reference, OfferCycle offerCycle,
                                Outbox outbox, TransactionalOperator tx, AuditLog audit, Clock clock) {
        this.audit = audit;
        this.requests = requests;
        this.reference = reference;
        this.offerCycle = offerCycle;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Lets a crisis request take protected nights. An escalated request is matched again at once, now also on
     * protected nights (locations refused for protection before are tried again); one with an offer in flight
     * uses the override for its next candidates.
     */
    public Mono<MatchingRequest> overrideProtection(String requestId, String reason, Actor coordinator) {
        Instant now = clock.instant();
        Mono<MatchingRequest> work = requests.lock(requestId)
                .switchIfEmpty(Mono.error(DomainException.notFound("Request", requestId)))
                .flatMap(request -> {
                    if (request.urgency() != Urgency.CRISIS) {
                        return Mono.error(DomainException.conflict("Not a crisis request", "Only a crisis request can be"
                                + " allowed to take nights protected for planned respite"));
                    }
                    if (!EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.OFFERED, RequestStatus.ESCALATED)
                            .contains(request.status())) {
                        return Mono.error(DomainException.conflict("Request not open", "Request " + requestId + " is "
                                + request.status() + "; protection can only be overridden while it looks for a bed"));
                    }
                    return reference.careType(request.region(), request.careType())
                            .filter(rule -> rule.onCalendar() && rule.protection() != null)
                            .switchIfEmpty(Mono.error(DomainException.conflict("No protection applies", "Care type "
                                    + request.careType() + " has no beds protected for planned respite in region "
                                    + request.region())))
                            .flatMap(rule -> requests.protectionOverridden(requestId, now)
                                    .then(requests.decision(requestId, request.region(), PROTECTION_OVERRIDDEN, reason,
                                            coordinator.subject(), null, now))
                                    .then(audit.record(AuditEntry.of(coordinator, AuditAction.PROTECTION_OVERRIDDEN,
                                            requestId, reason, now)))
                                    .then(outbox.append(new ProtectionOverridden(requestId, request.region(),
                                            request.careType(), reason, now)))
                                    .then(requests.find(requestId))
                                    .flatMap(overridden -> overridden.status() == RequestStatus.ESCALATED
                                            ? offerCycle.offerNext(overridden) : Mono.empty())
                                    .then(requests.find(requestId)));
                });
        return tx.transactional(work);
    }

    /** Moves a waiting planned request up the waiting list (see {@link WaitingListOrder}). */
    public Mono<MatchingRequest> raisePriority(String requestId, String reason, Actor coordinator) {
        Instant now = clock.instant();
        Mono<MatchingRequest> work = requests.lock(requestId)
                .switchIfEmpty(Mono.error(DomainException.notFound("Request", requestId)))
                .flatMap(request -> {
                    if (request.status() != RequestStatus.WAITING) {
                        return Mono.error(DomainException.conflict("Request not waiting", "Request " + requestId + " is "
                                + request.status() + "; only a request on the waiting list can be moved up"));
                    }
                    return requests.priorityRaised(requestId, now)
                            .flatMap(priority -> requests.decision(requestId, request.region(), PRIORITY_RAISED,
                                            reason, coordinator.subject(), null, now)
                                    .then(audit.record(AuditEntry.of(coordinator, AuditAction.PRIORITY_RAISED,
                                            requestId, reason, now)))
                                    .then(outbox.append(new WaitingPriorityRaised(requestId, request.region(),
                                            request.careType(), priority, reason, now))))
                            .then(requests.find(requestId));
                });
        return tx.transactional(work);
    }

    /**
     * Matching by hand: the coordinator chose a location from the request's ranking. 409 unless the request still
     * looks for a bed; see {@link OfferCycle#offerChosen} for the rest.
     */
    public Mono<MatchingRequest> offerByHand(String requestId, String locationId, String reason, Actor coordinator) {
        Instant now = clock.instant();
        Mono<MatchingRequest> work = requests.lock(requestId)
                .switchIfEmpty(Mono.error(DomainException.notFound("Request", requestId)))
                .flatMap(request -> {
                    if (!RequestStatus.OPEN.contains(request.status())) {
                        return Mono.error(DomainException.conflict("Request not open", "Request " + requestId + " is "
                                + request.status() + "; a bed can only be offered by hand while it looks for one"));
                    }
                    return offerCycle.offerChosen(request, locationId)
                            .then(requests.decision(requestId, request.region(), MANUAL_OFFER, reason,
                                    coordinator.subject(), locationId, now))
                            .then(audit.record(AuditEntry.of(coordinator, AuditAction.MANUAL_OFFER, requestId,
                                    reason, now)))
                            .then(requests.find(requestId));
                });
        return tx.transactional(work);
    }
}
