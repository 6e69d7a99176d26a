package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Instant;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.requestmatching.domain.Actor;
import nl.adempauze.requestmatching.domain.CancelReason;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.OfferCommand;
import nl.adempauze.requestmatching.domain.RequestNote;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.persistence.OfferRepository;
import nl.adempauze.requestmatching.persistence.RequestNoteRepository;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Cancels a request (until its patient is admitted) and withdraws its current offer, so its hold or bed is released;
 * an occurrence of a recurring stay optionally with every later one. The reason is a code; what the referrer wrote
 * with it is kept as a note of each request cancelled, encrypted, never in an event.
 */
@Service
public class RequestCancellation {

    private final RequestRepository requests;
    private final OfferRepository offers;
    private final RequestNoteRepository notes;
    private final Changes changes;
    private final TransactionalOperator tx;
    private final Clock clock;

    RequestCancellation(RequestRepository requests, OfferRepository offers, RequestNoteRepository notes,
                        Changes changes, TransactionalOperator tx, Clock clock) {
        this.requests = requests;
        this.offers = offers;
        this.notes = notes;
        this.changes = changes;
        this.tx = tx;
        this.clock = clock;
    }

    /** Cancels one request ({@code reason} null: OTHER); cancelling a cancelled one again changes nothing. */
    public Mono<MatchingRequest> cancel(String requestId, CancelReason reason, String note, Actor actor) {
        Instant now = clock.instant();
        CancelReason code = reason == null ? CancelReason.OTHER : reason;
        Mono<MatchingRequest> work = requests.lock(requestId)
                .switchIfEmpty(Mono.error(DomainException.notFound("Request", requestId)))
                .flatMap(request -> {
                    if (request.status() == RequestStatus.CANCELLED) {
                        return Mono.just(request);
                    }
                    var cancelled = request.cancel(code, now);
                    return offers.ofRequest(requestId)
                            .filter(offer -> offer.can(OfferCommand.WITHDRAW_FOR_CANCELLED_REQUEST))
                            .concatMap(offer -> changes.offer(offer, offer.withdrawForCancelledRequest(now)))
                            .then(changes.request(request, cancelled))
                            .then(notes.save(requestId, RequestNote.of(RequestNote.Subject.CANCELLED, code, null,
                                    note, actor.subject(), now)))
                            .then(requests.find(requestId));
                });
        return tx.transactional(work);
    }

    /**
     * With {@code series}, cancels an occurrence of a recurring stay and every later one that can still be cancelled
     * (earlier ones, and stays already begun, stay as they are); 400 on {@code series} for a request without one.
     */
    public Mono<MatchingRequest> cancel(String requestId, CancelReason reason, String note, boolean series,
                                        Actor actor) {
        if (!series) {
            return cancel(requestId, reason, note, actor);
        }
        return requests.find(requestId).switchIfEmpty(Mono.error(DomainException.notFound("Request", requestId)))
                .flatMap(request -> request.planning().seriesId() == null
                        ? Mono.error(DomainException.invalidField("series", "Request " + requestId
                                + " is not part of a recurring stay"))
                        : cancel(requestId, reason, note, actor).flatMap(cancelled -> requests
                                .laterInSeries(request.planning().seriesId(), request.id())
                                .concatMap(later -> cancel(later, reason, note, actor)
                                        // a later stay that has already begun is not cancelled with the series
                                        .onErrorResume(DomainException.class, begun -> Mono.empty()))
                                .then(Mono.just(cancelled))));
    }
}
