package nl.adempauze.requestmatching.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.OfferExpired;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.contracts.events.RequestCancelled;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestMatched;
import nl.adempauze.contracts.events.RequestWaitlisted;
import nl.adempauze.contracts.events.StayBooked;
import nl.adempauze.platform.outbox.Outbox;
import nl.adempauze.platform.persistence.AfterCommit;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.requestmatching.persistence.OfferRepository;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offer cycle: hold the best bed (or the nights of a stay), offer it, and on decline, refusal or expiry move to
 * the next candidate; when none is left, a planned request waits on the waiting list and a crisis request escalates. Every step locks the request row first, so steps for one request never interleave,
 * and commits its state with its events. Methods called from consumers run in the consumer's transaction.
 */
@Service
public class OfferCycle {

    private static final String NO_REASON_GIVEN = "Cancelled by the referrer";
    /** Why an offer is withdrawn when the coordinator offers the bed of another location instead. */
    static final String CHOSEN_ELSEWHERE = "COORDINATOR_CHOSE_ANOTHER_LOCATION";
    /** How far ahead a provider may plan an admission; beyond that it is a typo, not a plan. */
    private static final Duration ADMISSION_HORIZON = Duration.ofDays(366);

    private final RequestRepository requests;
    private final OfferRepository offers;
    private final ReferenceDataRepository reference;
    private final CandidateSearch search;
    private final RespiteMetrics metrics;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final MatchingSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    public OfferCycle(RequestRepository requests, OfferRepository offers,
                      ReferenceDataRepository reference, CandidateSearch search, RespiteMetrics metrics, Outbox outbox,
                      TransactionalOperator tx, MatchingSettings settings, JsonMapper json, Clock clock) {
        this.search = search;
        this.metrics = metrics;
        this.requests = requests;
        this.offers = offers;
        this.reference = reference;
        this.outbox = outbox;
        this.tx = tx;
        this.settings = settings;
        this.json = json;
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
        return reference.careType(request.region(), request.careType()).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(rule -> search.search(request, rule.orElse(null), now).flatMap(result -> {
                    Mono<Void> saveRanking = requests.setRanking(request.id(), json.writeValueAsString(result.ranking()));
                    if (result.ranking().isEmpty()) {
                        return saveRanking.then(noCandidate(request, rule.orElse(null), result, now)).thenReturn(false);
                    }
                    return saveRanking.then(requestHold(request, result.ranking().get(0), now)).thenReturn(true);
                }));
    }

    /** Asks bed-availability to hold the candidate's bed (or nights) for the request: the offer's first step. */
    private Mono<Void> requestHold(MatchingRequest request, RankedCandidate candidate, Instant now) {
        Offer offer = new Offer(UUID.randomUUID().toString(), request.id(), request.region(), candidate.locationId(),
                candidate.providerId(), request.careType(), candidate.rank(), candidate.explanation(),
                OfferStatus.HOLD_REQUESTED, null, null, now, null, null, candidate.firstNight(), candidate.nights(),
                0, 0, null);
        return offers.insert(offer)
                .then(requests.setStatus(request.id(), RequestStatus.SUBMITTED, now))
                .then(outbox.append(new HoldRequested(offer.id(), request.id(), request.region(),
                        candidate.locationId(), request.careType(), request.urgency().name(), candidate.firstNight(),
                        candidate.nights(), request.planning().protectionOverride(), now)));
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
                    return reference.careType(request.region(), request.careType()).map(Optional::of)
                            .defaultIfEmpty(Optional.empty())
                            .flatMap(rule -> search.search(request, rule.orElse(null), now))
                            .flatMap(result -> {
                                Optional<RankedCandidate> chosen = result.ranking().stream()
                                        .filter(candidate -> candidate.locationId().equals(locationId)).findFirst();
                                if (chosen.isEmpty()) {
                                    return Mono.error(DomainException.invalidField("locationId", "Location '" + locationId
                                            + "' is not a candidate for request " + request.id() + " now; choose"
                                            + " one from its ranking"));
                                }
                                return Flux.fromIterable(inFlight)
                                        .concatMap(offer -> withdraw(offer, request, CHOSEN_ELSEWHERE, now))
                                        .then(requests.setRanking(request.id(),
                                                json.writeValueAsString(result.ranking())))
                                        .then(requestHold(request, chosen.get(), now))
                                        .thenReturn(chosen.get());
                            });
                });
    }

    /** Withdraws an offer in flight (its hold is released by bed-availability); empty if it moved on meanwhile. */
    private Mono<Void> withdraw(Offer offer, MatchingRequest request, String reason, Instant now) {
        return offers.transition(offer.id(), EnumSet.of(OfferStatus.HOLD_REQUESTED, OfferStatus.OPEN),
                        OfferStatus.WITHDRAWN, reason, null, now)
                .flatMap(withdrawn -> outbox.append(new OfferWithdrawn(offer.id(), request.id(), request.region(),
                        offer.locationId(), offer.providerId(), offer.careType(), reason, now)));
    }

    private Mono<Void> noCandidate(MatchingRequest request, CareTypeRule rule, CandidateSearch.Result result,
                                   Instant now) {
        if (request.urgency() == Urgency.PLANNED) {
            if (result.windowPassed()) {
                return windowPassed(request, now);
            }
            return waitlist(request, "No location has a free " + request.careType() + " bed on every night of the stay"
                    + (result.tried() > 0 ? "; " + result.tried() + " location(s) already tried" : ""), now);
        }
        String detail = "No open location with a free " + request.careType() + " bed meets the needs; "
                + result.tried() + " location(s) already tried";
        if (result.protectedOnly() > 0) {
            detail += "; " + result.protectedOnly() + " location(s) have only nights protected for planned respite:"
                    + " a coordinator may override the protection";
        }
        return escalate(request, RequestStatus.ESCALATED, "NO_CANDIDATE", detail, now);
    }

    /** Puts a planned request on the waiting list; announced once, the first time it waits. */
    private Mono<Void> waitlist(MatchingRequest request, String reason, Instant now) {
        Mono<Void> waiting = requests.waitlisted(request.id(), now);
        Stay stay = request.planning().stay();
        if (request.planning().waitingSince() != null || stay == null) {
            return waiting;
        }
        LocalDate wanted = stay.firstNight() != null ? stay.firstNight() : stay.earliestFirstNight();
        return waiting.then(outbox.append(new RequestWaitlisted(request.id(), request.region(), request.careType(),
                wanted, stay.nights(), reason, now)));
    }

    /** The last night a waiting stay could begin on has begun: it leaves the waiting list for the coordinator. */
    public Mono<Void> windowPassed(MatchingRequest request, Instant now) {
        return escalate(request, RequestStatus.ESCALATED, "STAY_WINDOW_PASSED", "No bed was found before the last"
                + " possible first night " + request.planning().stay().latestFirstNight(), now);
    }

    /** Bed-availability held the bed: offer it to the provider with a response deadline. */
    public Mono<Void> bedHeld(String offerId, int protectedNightsReleased, int protectedNightsOverridden) {
        Instant now = clock.instant();
        return withLockedRequest(offerId, (offer, request) -> reference.careType(request.region(), request.careType())
                .map(rule -> rule.responseDeadline(request.urgency()))
                .defaultIfEmpty(Duration.ofMinutes(30))
                .flatMap(deadline -> offers.transition(offerId, EnumSet.of(OfferStatus.HOLD_REQUESTED), OfferStatus.OPEN,
                        null, now.plus(deadline), now))
                .flatMap(open -> offers.protectedNightsTaken(offerId, protectedNightsReleased, protectedNightsOverridden)
                        .then(requests.setStatus(request.id(), RequestStatus.OFFERED, now))
                        .then(outbox.append(new OfferMade(open.id(), request.id(), request.region(), open.locationId(),
                                open.providerId(), open.careType(), request.urgency().name(), request.needs(),
                                open.rank(), open.explanation(), open.respondBy(), now)))));
    }

    /** Bed-availability could not hold the bed (taken meanwhile, closed): try the next candidate. */
    public Mono<Void> holdRefused(String offerId, String reason) {
        Instant now = clock.instant();
        return withLockedRequest(offerId, (offer, request) -> offers.transition(offerId,
                        EnumSet.of(OfferStatus.HOLD_REQUESTED), OfferStatus.HOLD_REFUSED, reason, null, now)
                .filter(refused -> request.status() == RequestStatus.SUBMITTED)
                .flatMap(refused -> offerNext(request)));
    }

    public Mono<Offer> accept(String offerId, Instant expectedAdmissionAt) {
        Instant now = clock.instant();
        Mono<Offer> work = withLockedRequest(offerId, (offer, request) -> {
            if (offer.status() == OfferStatus.OPEN && offer.respondBy().isBefore(now)) {
                return Mono.error(DomainException.conflict("Offer expired",
                        "The response deadline of offer " + offerId + " passed at " + offer.respondBy()));
            }
            if (expectedAdmissionAt != null && (expectedAdmissionAt.isBefore(now.minus(Duration.ofHours(1)))
                    || expectedAdmissionAt.isAfter(now.plus(ADMISSION_HORIZON)))) {
                return Mono.error(DomainException.invalidField("expectedAdmissionAt",
                        "expectedAdmissionAt must lie between now and one year ahead"));
            }
            boolean plannedStay = request.urgency() == Urgency.PLANNED && offer.firstNight() != null;
            // a planned stay begins on its first night; a crisis admission soon after acceptance
            Instant expected = expectedAdmissionAt != null ? expectedAdmissionAt
                    : (plannedStay ? Nights.startOf(offer.firstNight()) : now).plus(settings.defaultAdmissionDelay());
            OfferAccepted acceptance = new OfferAccepted(offerId, request.id(), request.region(), offer.locationId(),
                    offer.providerId(), offer.careType(), expected, now);
            return offers.transition(offerId, EnumSet.of(OfferStatus.OPEN), OfferStatus.ACCEPTED, null, null, now)
                    .switchIfEmpty(Mono.defer(() -> notOpen(offer)))
                    .flatMap(accepted -> (plannedStay
                            ? requests.booked(request.id(), offerId, expected, now).then(outbox.append(acceptance,
                                    new StayBooked(request.id(), offerId, request.region(), offer.locationId(),
                                            offer.providerId(), offer.careType(), offer.firstNight(), offer.nights(),
                                            now)))
                            : requests.matched(request.id(), offerId, expected, now).then(outbox.append(acceptance,
                                    new RequestMatched(request.id(), offerId, request.region(), offer.locationId(),
                                            offer.providerId(), offer.careType(), expected, now))))
                            .then(AfterCommit.run(() -> count(request, accepted, now)))
                            .thenReturn(accepted));
        });
        return tx.transactional(work);
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

    public Mono<Offer> decline(String offerId, String reason, DeclineReason code) {
        Instant now = clock.instant();
        DeclineReason reasonCode = code == null ? DeclineReason.OTHER : code;
        Mono<Offer> work = withLockedRequest(offerId, (offer, request) -> offers.transition(offerId,
                        EnumSet.of(OfferStatus.OPEN), OfferStatus.DECLINED, reason, null, now)
                .switchIfEmpty(Mono.defer(() -> notOpen(offer)))
                .flatMap(declined -> offers.declineCode(offerId, reasonCode.name())
                        .then(AfterCommit.run(() -> metrics.offerDeclined(request.region(), request.careType(),
                                reasonCode.name())))
                        .then(outbox.append(new OfferDeclined(offerId, request.id(), request.region(),
                                offer.locationId(), offer.providerId(), offer.careType(), reason, now)))
                        .then(offerNext(request))
                        .thenReturn(declined)));
        return tx.transactional(work);
    }

    /** Expires one offer past its deadline, alerts the coordinator and offers the next candidate. */
    public Mono<Void> expire(String offerId) {
        Instant now = clock.instant();
        Mono<Void> work = withLockedRequest(offerId, (offer, request) -> Mono.just(offer)
                .filter(due -> due.status() == OfferStatus.OPEN && due.respondBy().isBefore(now))
                .flatMap(due -> offers.transition(offerId, EnumSet.of(OfferStatus.OPEN), OfferStatus.EXPIRED,
                        "NO_ANSWER", null, now))
                .flatMap(expired -> outbox.append(new OfferExpired(offerId, request.id(), request.region(),
                                offer.locationId(), offer.providerId(), offer.careType(), now))
                        .then(escalate(request, null, "OFFER_EXPIRED", "Offer to " + offer.locationId()
                                + " was not answered before " + offer.respondBy(), now))
                        .then(offerNext(request))));
        return tx.transactional(work);
    }

    public Mono<MatchingRequest> cancel(String requestId, String reason) {
        Instant now = clock.instant();
        Mono<MatchingRequest> work = requests.lock(requestId)
                .switchIfEmpty(Mono.error(DomainException.notFound("Request", requestId)))
                .flatMap(request -> {
                    if (request.status() == RequestStatus.CANCELLED) {
                        return Mono.just(request);
                    }
                    if (!request.status().cancellable()) {
                        return Mono.error(DomainException.conflict("Request cannot be cancelled", "The patient of request "
                                + requestId + " is already " + request.status() + "; the provider records discharge"));
                    }
                    String why = reason == null || reason.isBlank() ? NO_REASON_GIVEN : reason;
                    Flux<Void> withdrawals = offers.ofRequest(requestId)
                            .filter(offer -> offer.status().inFlight() || offer.status() == OfferStatus.ACCEPTED)
                            .concatMap(offer -> offers.transition(offer.id(),
                                            EnumSet.of(OfferStatus.HOLD_REQUESTED, OfferStatus.OPEN, OfferStatus.ACCEPTED),
                                            OfferStatus.WITHDRAWN, "REQUEST_CANCELLED", null, now)
                                    .flatMap(withdrawn -> outbox.append(new OfferWithdrawn(offer.id(), requestId,
                                            request.region(), offer.locationId(), offer.providerId(), offer.careType(),
                                            "REQUEST_CANCELLED", now))));
                    return withdrawals.then(requests.cancelled(requestId, why, now))
                            .then(outbox.append(new RequestCancelled(requestId, request.region(), why, now)))
                            .then(requests.find(requestId));
                });
        return tx.transactional(work);
    }

    /**
     * Bed-availability never answered a hold request (it was away longer than it may take): withdraw the offer, so
     * a late hold is released again, and try the next candidate.
     */
    public Mono<Void> holdUnanswered(String offerId) {
        Instant now = clock.instant();
        Mono<Void> work = withLockedRequest(offerId, (offer, request) -> offers.transition(offerId,
                        EnumSet.of(OfferStatus.HOLD_REQUESTED), OfferStatus.WITHDRAWN, "HOLD_NOT_ANSWERED", null, now)
                .flatMap(withdrawn -> outbox.append(new OfferWithdrawn(offerId, request.id(), request.region(),
                                offer.locationId(), offer.providerId(), offer.careType(), "HOLD_NOT_ANSWERED", now))
                        .then(request.status() == RequestStatus.SUBMITTED ? offerNext(request) : Mono.empty())));
        return tx.transactional(work);
    }

    /** The provider confirmed admission (or discharge) of a matched request's patient. */
    public Mono<Void> patientMoved(String requestId, Set<RequestStatus> from, RequestStatus to) {
        Instant now = clock.instant();
        return requests.lock(requestId)
                .filter(request -> from.contains(request.status()))
                .flatMap(request -> requests.setStatus(requestId, to, now));
    }

    /** Alerts the coordinator once that the request may miss its admission deadline. */
    public Mono<Void> deadlineAtRisk(String requestId) {
        Instant now = clock.instant();
        Mono<Void> work = requests.lock(requestId)
                .filter(request -> request.status() == RequestStatus.SUBMITTED || request.status() == RequestStatus.OFFERED
                        || request.status() == RequestStatus.WAITING)
                .flatMap(request -> requests.markDeadlineEscalated(requestId, now)
                        .filter(marked -> marked > 0)
                        .flatMap(marked -> escalate(request, null, "DEADLINE_AT_RISK", request.urgency() == Urgency.PLANNED
                                ? "The stay must begin by " + request.planning().stay().latestFirstNight()
                                        + " and no bed is booked yet"
                                : "Needed by " + request.neededBy() + " and not yet matched", now)));
        return tx.transactional(work);
    }

    Mono<Void> escalate(MatchingRequest request, RequestStatus newStatus, String reason, String detail,
                                Instant now) {
        Mono<Void> status = newStatus == null ? Mono.empty() : requests.setStatus(request.id(), newStatus, now);
        return status
                .then(requests.escalation(request.id(), request.region(), reason, detail, now))
                .then(outbox.append(new RequestEscalated(request.id(), request.region(), request.careType(),
                        request.urgency().name(), reason, detail, now)));
    }

    private <T> Mono<T> withLockedRequest(String offerId, java.util.function.BiFunction<Offer, MatchingRequest, Mono<T>> step) {
        return offers.find(offerId)
                .switchIfEmpty(Mono.error(DomainException.notFound("Offer", offerId)))
                .flatMap(offer -> requests.lock(offer.requestId())
                        // re-read the offer under the request lock: it may have moved on meanwhile
                        .flatMap(request -> offers.find(offerId).flatMap(current -> step.apply(current, request))));
    }

    private static <T> Mono<T> notOpen(Offer offer) {
        return Mono.error(DomainException.conflict("Offer not open",
                "Offer " + offer.id() + " is " + offer.status() + " and can no longer be answered"));
    }
}
