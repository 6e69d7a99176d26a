package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.persistence.AfterCommit;
import nl.adempauze.requestmatching.MatchingSettings;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.requestmatching.domain.CrisisQueueEntry;
import nl.adempauze.requestmatching.domain.Actor;
import nl.adempauze.requestmatching.domain.DeclineReason;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.Offer;
import nl.adempauze.requestmatching.domain.OfferCommand;
import nl.adempauze.requestmatching.domain.RankedCandidate;
import nl.adempauze.requestmatching.domain.RequestNote;
import nl.adempauze.requestmatching.domain.RequestCommand;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.Urgency;
import nl.adempauze.requestmatching.persistence.HandoverRepository;
import nl.adempauze.requestmatching.persistence.RequestNoteRepository;
import nl.adempauze.requestmatching.persistence.CrisisQueueRepository;
import nl.adempauze.requestmatching.persistence.DueRequests;
import nl.adempauze.requestmatching.persistence.OfferRepository;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The offer cycle: hold the best bed (or the nights of a stay), offer it, and on decline, refusal or expiry move to
 * the next candidate; when none is left, a planned request waits on the waiting list and a crisis request escalates.
 * What may happen and what it announces is the aggregates' ({@link MatchingRequest}, {@link Offer}); this class
 * loads them, calls them, saves them and appends their events. Every step locks the request row first, so steps for
 * one request never interleave, and commits its state with its events. Methods called from consumers run in the
 * consumer's transaction.
 */
@Service
public class OfferCycle {

    private final RequestRepository requests;
    private final OfferRepository offers;
    private final DueRequests due;
    private final ReferenceDataRepository reference;
    private final CandidateSearch search;
    private final CrisisQueueRepository crisisQueue;
    private final RespiteMetrics metrics;
    private final Changes changes;
    private final TransactionalOperator tx;
    private final MatchingSettings settings;
    private final HandoverRepository handovers;
    private final RequestNoteRepository notes;
    private final Clock clock;

    OfferCycle(RequestRepository requests, OfferRepository offers, DueRequests due, ReferenceDataRepository reference,
               CandidateSearch search, CrisisQueueRepository crisisQueue, RespiteMetrics metrics, Changes changes, TransactionalOperator tx,
               MatchingSettings settings, HandoverRepository handovers, RequestNoteRepository notes, Clock clock) {
        this.handovers = handovers;
        this.notes = notes;
        this.requests = requests;
        this.offers = offers;
        this.due = due;
        this.reference = reference;
        this.search = search;
        this.crisisQueue = crisisQueue;
        this.metrics = metrics;
        this.changes = changes;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Ranks the candidates not tried yet and asks for a hold on the best one; with none left, a planned request
     * waits on the waiting list and a crisis request escalates. The request is locked by the caller.
     */
    public Mono<Void> offerNext(MatchingRequest request) {
        return tryOffer(request).then();
    }

    /** As {@link #offerNext}; answers whether a hold was requested. */
    Mono<Boolean> tryOffer(MatchingRequest request) {
        Instant now = clock.instant();
        return rule(request).flatMap(rule -> search.search(request, rule.orElse(null), now).flatMap(result -> {
            Mono<Void> saveRanking = requests.saveRanking(request.id(), result.ranking());
            if (result.ranking().isEmpty()) {
                return saveRanking.then(changes.request(request, request.noCandidate(result.tried(),
                                result.protectedOnly(), result.windowPassed(), now)))
                        .flatMap(escalated -> escalated.joinsCrisisQueue(now)
                                ? crisisQueue.join(CrisisQueueEntry.joined(request.id(), now)) : Mono.empty())
                        .thenReturn(false);
            }
            return saveRanking.then(requestHold(request, result.ranking().get(0), now)).thenReturn(true);
        }));
    }

    /**
     * Tries the requests of a line ({@code inOrder}, first first) until one gets a hold, one offer per change so
     * nobody loses a bed to one behind it: each that {@code command} is allowed for now (and no other transaction is
     * busy with) is locked, starts a new round ({@code round}) and is tried ({@code attempt}). Runs in the caller's
     * transaction; answers whether a hold was requested.
     */
    Mono<Boolean> firstInLine(Flux<String> inOrder, RequestCommand command,
                              Function<MatchingRequest, Changed<MatchingRequest>> round,
                              Function<MatchingRequest, Mono<Boolean>> attempt) {
        return inOrder
                .concatMap(id -> requests.lockIfAllowed(id, command)
                        .flatMap(request -> changes.request(request, round.apply(request)))
                        .flatMap(attempt))
                .filter(held -> held)
                .next()
                .defaultIfEmpty(false);
    }

    /**
     * The crisis queue's try for a queued request (locked by the caller): a hold on its best candidate if one fits
     * now, else nothing at all (it stays queued; the coordinator was told when it escalated). Answers whether a hold
     * was requested.
     */
    Mono<Boolean> tryFromQueue(MatchingRequest queued) {
        Instant now = clock.instant();
        return rule(queued).flatMap(rule -> search.search(queued, rule.orElse(null), now).flatMap(result ->
                result.ranking().isEmpty() ? Mono.just(false)
                        : requests.saveRanking(queued.id(), result.ranking())
                                .then(requestHold(queued, result.ranking().get(0), now)).thenReturn(true)));
    }

    /** Asks bed-availability to hold the candidate's bed (or nights) for the request: the offer's first step. */
    private Mono<Void> requestHold(MatchingRequest request, RankedCandidate candidate, Instant now) {
        Changed<Offer> hold = Offer.requestHold(UUID.randomUUID().toString(), request, candidate, now);
        return offers.insert(hold.aggregate())
                .then(changes.request(request, request.holdRequested(now)))
                .then(changes.publish(hold.events()));
    }

    /**
     * A coordinator chose a location from the request's ranking: it must be a candidate now (ranked afresh, as
     * {@link #offerNext} would), else 400 on {@code locationId}. The offer in flight to another location is withdrawn,
     * then the chosen one goes through the normal cycle (hold, offer, deadline). The request is locked by the caller.
     */
    public Mono<RankedCandidate> offerChosen(MatchingRequest request, String locationId) {
        Instant now = clock.instant();
        return offers.ofRequest(request.id()).filter(offer -> offer.status().inFlight()).collectList()
                .flatMap(inFlight -> {
                    if (inFlight.stream().anyMatch(offer -> offer.locationId().equals(locationId))) {
                        return Mono.error(DomainException.conflict("Already offered there", "Request " + request.id()
                                + " already has an offer in flight to location " + locationId));
                    }
                    return rule(request)
                            .flatMap(rule -> search.search(request, rule.orElse(null), now))
                            .flatMap(result -> {
                                Optional<RankedCandidate> chosen = result.ranking().stream()
                                        .filter(candidate -> candidate.locationId().equals(locationId)).findFirst();
                                if (chosen.isEmpty()) {
                                    return Mono.error(DomainException.invalidField("locationId", "Location '"
                                            + locationId + "' is not a candidate for request " + request.id()
                                            + " now; choose one from its ranking"));
                                }
                                return Flux.fromIterable(inFlight)
                                        .filter(offer -> offer.can(OfferCommand.WITHDRAW))
                                        .concatMap(offer -> changes.offer(offer, offer.withdrawForAnotherLocation(now)))
                                        .then(requests.saveRanking(request.id(), result.ranking()))
                                        .then(requestHold(request, chosen.get(), now))
                                        .thenReturn(chosen.get());
                            });
                });
    }

    /** The coordinator changed the request's care type: its offer in flight is withdrawn (its hold released). */
    public Mono<Void> withdrawForCareTypeChange(MatchingRequest request) {
        Instant now = clock.instant();
        return offers.ofRequest(request.id()).filter(offer -> offer.status().inFlight())
                .filter(offer -> offer.can(OfferCommand.WITHDRAW))
                .concatMap(offer -> changes.offer(offer, offer.withdrawForCareTypeChange(now))).then();
    }

    /** The last night a waiting stay could begin on has begun: it leaves the waiting list for the coordinator. */
    public Mono<Void> windowPassed(MatchingRequest request, Instant now) {
        return changes.request(request, request.windowPassed(now)).then();
    }

    /** Bed-availability held the bed: offer it to the provider with a response deadline. */
    public Mono<Void> bedHeld(String offerId, int protectedNightsReleased, int protectedNightsOverridden) {
        Instant now = clock.instant();
        return withLockedRequest(offerId, (offer, request) -> !offer.can(OfferCommand.BED_HELD) ? Mono.empty()
                : reference.careType(request.region(), request.careType())
                        .map(rule -> rule.responseDeadline(request.urgency()))
                        .defaultIfEmpty(Duration.ofMinutes(30))
                        .zipWith(handovers.exists(request.id()))
                        .flatMap(next -> changes.offer(offer, offer.held(next.getT1(), protectedNightsReleased,
                                protectedNightsOverridden, request, next.getT2(), now)))
                        .then(changes.request(request, request.offered(now)))
                        .then());
    }

    /** Bed-availability could not hold the bed (taken meanwhile, closed): try the next candidate. */
    public Mono<Void> holdRefused(String offerId, String reason) {
        return withLockedRequest(offerId, (offer, request) -> !offer.can(OfferCommand.REFUSE_HOLD) ? Mono.empty()
                : changes.offer(offer, offer.holdRefused(reason))
                        .then(request.status() == RequestStatus.SUBMITTED ? offerNext(request) : Mono.empty()));
    }

    /** The provider accepts: a planned stay is booked, anything else matched. */
    public Mono<Offer> accept(String offerId, Instant expectedAdmissionAt) {
        Instant now = clock.instant();
        Mono<Offer> work = withLockedRequest(offerId, (offer, request) -> {
            Changed<MatchingRequest.Acceptance> accepted = request.accept(offer, expectedAdmissionAt,
                    settings.defaultAdmissionDelay(), now);
            Offer acceptedOffer = accepted.aggregate().offer();
            return offers.save(acceptedOffer, offer.status())
                    .then(requests.save(accepted.aggregate().request(), request.status()))
                    .then(changes.publish(accepted.events()))
                    .then(placedFromQueue(request.id(), now))
                    .then(AfterCommit.run(() -> count(request, acceptedOffer, now)))
                    .thenReturn(acceptedOffer);
        });
        return tx.transactional(work);
    }

    /** A request placed while in the crisis queue leaves it placed, so its view can say after how long. */
    private Mono<Void> placedFromQueue(String requestId, Instant now) {
        return crisisQueue.find(requestId).filter(CrisisQueueEntry::inQueue)
                .flatMap(entry -> crisisQueue.save(entry.placed(now)));
    }

    /** Metrics of an accepted offer, counted once its transaction has committed. */
    private void count(MatchingRequest request, Offer accepted, Instant now) {
        if (request.urgency() == Urgency.PLANNED && accepted.nights() != null) {
            metrics.nightsBooked(request.region(), request.careType(), accepted.nights());
            if (request.planning().waitingSince() != null) {
                metrics.waited(request.region(), request.careType(),
                        Duration.between(request.planning().waitingSince(), now));
            }
        }
        metrics.protectedNightsTakenByCrisis(request.region(), request.careType(), accepted.protectedNightsReleased(),
                accepted.protectedNightsOverridden());
    }

    /**
     * The provider declines with a code: the next candidate gets its turn. What the provider wrote with it is kept
     * as a note of the request, encrypted, never in an event.
     */
    public Mono<Offer> decline(String offerId, DeclineReason code, String note, Actor provider) {
        Instant now = clock.instant();
        Mono<Offer> work = withLockedRequest(offerId, (offer, request) -> {
            Changed<Offer> declined = offer.decline(code, now);
            return changes.offer(offer, declined)
                    .then(notes.save(request.id(), RequestNote.of(RequestNote.Subject.OFFER_DECLINED,
                            code == null ? DeclineReason.OTHER : code, offerId, note, provider.subject(), now)))
                    .then(AfterCommit.run(() -> metrics.offerDeclined(request.region(), request.careType(),
                            declined.aggregate().declineCode())))
                    .then(offerNext(request))
                    .thenReturn(declined.aggregate());
        });
        return tx.transactional(work);
    }

    /** Expires one offer past its deadline, alerts the coordinator and offers the next candidate. */
    public Mono<Void> expire(String offerId) {
        Instant now = clock.instant();
        Mono<Void> work = withLockedRequest(offerId, (offer, request) -> !offer.overdue(now) ? Mono.empty()
                : changes.offer(offer, offer.expire(now))
                        .then(changes.publish(request.offerExpired(offer, now).events()))
                        .then(offerNext(request)));
        return tx.transactional(work);
    }

    /**
     * Bed-availability never answered a hold request (it was away longer than it may take): withdraw the offer, so
     * a late hold is released again, and try the next candidate.
     */
    public Mono<Void> holdUnanswered(String offerId) {
        Instant now = clock.instant();
        Mono<Void> work = withLockedRequest(offerId, (offer, request) ->
                !offer.can(OfferCommand.WITHDRAW_UNANSWERED_HOLD) ? Mono.empty()
                        : changes.offer(offer, offer.withdrawUnansweredHold(now))
                                .then(request.status() == RequestStatus.SUBMITTED ? offerNext(request)
                                        : Mono.empty()));
        return tx.transactional(work);
    }

    /** The provider confirmed the patient arrived (a late or repeated message changes nothing). */
    public Mono<Void> patientAdmitted(String requestId) {
        Instant now = clock.instant();
        return requests.lock(requestId)
                .filter(request -> request.can(RequestCommand.ADMIT))
                .flatMap(request -> changes.request(request, request.admitted(now)))
                .then();
    }

    /** The provider confirmed the patient left (a late or repeated message changes nothing). */
    public Mono<Void> patientDischarged(String requestId) {
        Instant now = clock.instant();
        return requests.lock(requestId)
                .filter(request -> request.can(RequestCommand.DISCHARGE))
                .flatMap(request -> changes.request(request, request.discharged(now)))
                .then();
    }

    /** Alerts the coordinator once that the request may miss its admission deadline. */
    public Mono<Void> deadlineAtRisk(String requestId) {
        Instant now = clock.instant();
        Mono<Void> work = requests.lock(requestId)
                .filter(request -> request.can(RequestCommand.WARN_DEADLINE))
                .flatMap(request -> due.markDeadlineEscalated(requestId, now)
                        .filter(marked -> marked > 0)
                        .flatMap(marked -> changes.publish(request.deadlineAtRisk(now).events())));
        return tx.transactional(work);
    }

    private Mono<Optional<CareTypeRule>> rule(MatchingRequest request) {
        return reference.careType(request.region(), request.careType()).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private <T> Mono<T> withLockedRequest(String offerId, BiFunction<Offer, MatchingRequest, Mono<T>> step) {
        return offers.find(offerId)
                .switchIfEmpty(Mono.error(DomainException.notFound("Offer", offerId)))
                .flatMap(offer -> requests.lock(offer.requestId())
                        // re-read the offer under the request lock: it may have moved on meanwhile
                        .flatMap(request -> offers.find(offerId)
                                .flatMap(current -> Mono.defer(() -> step.apply(current, request)))));
    }
}
