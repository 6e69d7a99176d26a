package nl.adempauze.requestmatching.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.OfferExpired;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.contracts.events.RequestCancelled;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestMatched;
import nl.adempauze.platform.outbox.Outbox;
import nl.adempauze.platform.web.ApiProblem;
import nl.adempauze.requestmatching.persistence.OfferRepository;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import nl.adempauze.requestmatching.persistence.ReplicaRepository;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offer cycle: hold the best bed, offer it, and on decline, refusal or expiry move to the next candidate;
 * escalate when none is left. Every step locks the request row first, so steps for one request never interleave,
 * and commits its state with its events. Methods called from consumers run in the consumer's transaction.
 */
@Service
public class OfferCycle {

    private static final String NO_REASON_GIVEN = "Cancelled by the referrer";
    /** How far ahead a provider may plan an admission; beyond that it is a typo, not a plan. */
    private static final Duration ADMISSION_HORIZON = Duration.ofDays(366);

    private final RequestRepository requests;
    private final OfferRepository offers;
    private final ReplicaRepository replica;
    private final ReferenceDataRepository reference;
    private final CandidateRanker ranker = new CandidateRanker();
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final MatchingSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    public OfferCycle(RequestRepository requests, OfferRepository offers, ReplicaRepository replica,
                      ReferenceDataRepository reference, Outbox outbox, TransactionalOperator tx,
                      MatchingSettings settings, JsonMapper json, Clock clock) {
        this.requests = requests;
        this.offers = offers;
        this.replica = replica;
        this.reference = reference;
        this.outbox = outbox;
        this.tx = tx;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** Ranks the candidates not tried yet and asks for a hold on the best one, or escalates. Request is locked. */
    public Mono<Void> offerNext(MatchingRequest request) {
        Instant now = clock.instant();
        Mono<Set<String>> tried = offers.ofRequest(request.id()).map(Offer::locationId).collect(Collectors.toSet());
        Mono<List<Candidate>> candidates = replica.candidates(request.region(), request.careType(),
                now.minus(settings.acceptanceWindow())).collectList();
        return Mono.zip(tried, candidates, reference.freshnessWindow(request.region()).defaultIfEmpty(Duration.ofHours(12)))
                .flatMap(t -> {
                    List<RankedCandidate> ranking = ranker.rank(request.profile(), t.getT2(), t.getT1(), now, t.getT3());
                    Mono<Void> saveRanking = requests.setRanking(request.id(), json.writeValueAsString(ranking));
                    if (ranking.isEmpty()) {
                        return saveRanking.then(escalate(request, RequestStatus.ESCALATED, "NO_CANDIDATE",
                                "No open location with a free " + request.careType() + " bed meets the needs; "
                                        + t.getT1().size() + " location(s) already tried", now));
                    }
                    RankedCandidate best = ranking.get(0);
                    Offer offer = new Offer(UUID.randomUUID().toString(), request.id(), request.region(),
                            best.locationId(), best.providerId(), request.careType(), best.rank(), best.explanation(),
                            OfferStatus.HOLD_REQUESTED, null, null, now, null, null);
                    return saveRanking
                            .then(offers.insert(offer))
                            .then(requests.setStatus(request.id(), RequestStatus.SUBMITTED, now))
                            .then(outbox.append(new HoldRequested(offer.id(), request.id(), request.region(),
                                    best.locationId(), request.careType(), now)));
                });
    }

    /** Bed-availability held the bed: offer it to the provider with a response deadline. */
    public Mono<Void> bedHeld(String offerId) {
        Instant now = clock.instant();
        return withLockedRequest(offerId, (offer, request) -> reference.careType(request.region(), request.careType())
                .map(rule -> rule.responseDeadline(request.urgency()))
                .defaultIfEmpty(Duration.ofMinutes(30))
                .flatMap(deadline -> offers.transition(offerId, EnumSet.of(OfferStatus.HOLD_REQUESTED), OfferStatus.OPEN,
                        null, now.plus(deadline), now))
                .flatMap(open -> requests.setStatus(request.id(), RequestStatus.OFFERED, now)
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
                return Mono.error(ApiProblem.conflict("Offer expired",
                        "The response deadline of offer " + offerId + " passed at " + offer.respondBy()));
            }
            if (expectedAdmissionAt != null && (expectedAdmissionAt.isBefore(now.minus(Duration.ofHours(1)))
                    || expectedAdmissionAt.isAfter(now.plus(ADMISSION_HORIZON)))) {
                return Mono.error(ApiProblem.invalidField("expectedAdmissionAt",
                        "expectedAdmissionAt must lie between now and one year ahead"));
            }
            Instant expected = expectedAdmissionAt != null ? expectedAdmissionAt
                    : now.plus(settings.defaultAdmissionDelay());
            return offers.transition(offerId, EnumSet.of(OfferStatus.OPEN), OfferStatus.ACCEPTED, null, null, now)
                    .switchIfEmpty(Mono.defer(() -> notOpen(offer)))
                    .flatMap(accepted -> requests.matched(request.id(), offerId, expected, now)
                            .then(outbox.append(
                                    new OfferAccepted(offerId, request.id(), request.region(), offer.locationId(),
                                            offer.providerId(), offer.careType(), expected, now),
                                    new RequestMatched(request.id(), offerId, request.region(), offer.locationId(),
                                            offer.providerId(), offer.careType(), expected, now)))
                            .thenReturn(accepted));
        });
        return tx.transactional(work);
    }

    public Mono<Offer> decline(String offerId, String reason) {
        Instant now = clock.instant();
        Mono<Offer> work = withLockedRequest(offerId, (offer, request) -> offers.transition(offerId,
                        EnumSet.of(OfferStatus.OPEN), OfferStatus.DECLINED, reason, null, now)
                .switchIfEmpty(Mono.defer(() -> notOpen(offer)))
                .flatMap(declined -> outbox.append(new OfferDeclined(offerId, request.id(), request.region(),
                                offer.locationId(), offer.providerId(), offer.careType(), reason, now))
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
                .switchIfEmpty(Mono.error(ApiProblem.notFound("Request", requestId)))
                .flatMap(request -> {
                    if (request.status() == RequestStatus.CANCELLED) {
                        return Mono.just(request);
                    }
                    if (!request.status().cancellable()) {
                        return Mono.error(ApiProblem.conflict("Request cannot be cancelled", "The patient of request "
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
    public Mono<Void> patientMoved(String requestId, RequestStatus from, RequestStatus to) {
        Instant now = clock.instant();
        return requests.lock(requestId)
                .filter(request -> request.status() == from)
                .flatMap(request -> requests.setStatus(requestId, to, now));
    }

    /** Alerts the coordinator once that the request may miss its admission deadline. */
    public Mono<Void> deadlineAtRisk(String requestId) {
        Instant now = clock.instant();
        Mono<Void> work = requests.lock(requestId)
                .filter(request -> request.status() == RequestStatus.SUBMITTED || request.status() == RequestStatus.OFFERED)
                .flatMap(request -> requests.markDeadlineEscalated(requestId, now)
                        .filter(marked -> marked > 0)
                        .flatMap(marked -> escalate(request, null, "DEADLINE_AT_RISK",
                                "Needed by " + request.neededBy() + " and not yet matched", now)));
        return tx.transactional(work);
    }

    private Mono<Void> escalate(MatchingRequest request, RequestStatus newStatus, String reason, String detail,
                                Instant now) {
        Mono<Void> status = newStatus == null ? Mono.empty() : requests.setStatus(request.id(), newStatus, now);
        return status
                .then(requests.escalation(request.id(), request.region(), reason, detail, now))
                .then(outbox.append(new RequestEscalated(request.id(), request.region(), request.careType(),
                        request.urgency().name(), reason, detail, now)));
    }

    private <T> Mono<T> withLockedRequest(String offerId, java.util.function.BiFunction<Offer, MatchingRequest, Mono<T>> step) {
        return offers.find(offerId)
                .switchIfEmpty(Mono.error(ApiProblem.notFound("Offer", offerId)))
                .flatMap(offer -> requests.lock(offer.requestId())
                        // re-read the offer under the request lock: it may have moved on meanwhile
                        .flatMap(request -> offers.find(offerId).flatMap(current -> step.apply(current, request))));
    }

    private static <T> Mono<T> notOpen(Offer offer) {
        return Mono.error(ApiProblem.conflict("Offer not open",
                "Offer " + offer.id() + " is " + offer.status() + " and can no longer be answered"));
    }
}
