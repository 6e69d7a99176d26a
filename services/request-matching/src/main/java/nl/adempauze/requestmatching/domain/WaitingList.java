package nl.adempauze.requestmatching.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The waiting list of planned requests, per region and care type. When beds appear, the requests are tried in
 * {@link WaitingListOrder} and the first that fits gets its offer; one offer per change, so the next in line is
 * tried on the change that offer's hold causes, and a request never loses its bed to one behind it.
 */
@Service
public class WaitingList {

    private final RequestRepository requests;
    private final OfferCycle offerCycle;
    private final TransactionalOperator tx;
    private final MatchingSettings settings;
    private final Clock clock;

    public WaitingList(RequestRepository requests, OfferCycle offerCycle, TransactionalOperator tx,
                       MatchingSettings settings, Clock clock) {
        this.requests = requests;
        this.offerCycle = offerCycle;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    public WaitingListOrder order() {
        return new WaitingListOrder(settings.priorityBoost());
    }

    /** The waiting list in order, first in line first. */
    public Mono<List<WaitingListOrder.Entry>> inOrder(String region, String careType) {
        return requests.waiting(region, careType).sort(order().comparator()).collectList();
    }

    /**
     * Tries the waiting requests in order until one gets an offer; runs in the caller's transaction (the consumer's
     * that brought the new capacity, or the sweep's). Answers whether an offer went out.
     */
    public Mono<Boolean> rematch(String region, String careType) {
        Instant now = clock.instant();
        return inOrder(region, careType)
                .flatMapMany(Flux::fromIterable)
                .take(settings.waitingListScan())
                .concatMap(entry -> requests.lockIfWaiting(entry.requestId())
                        .flatMap(request -> requests.startRound(request.id(), now)
                                .then(requests.find(request.id()))
                                .flatMap(offerCycle::tryOffer)))
                .filter(offered -> offered)
                .next()
                .defaultIfEmpty(false);
    }

    /** The safety net: every non-empty waiting list, each in its own transaction. */
    public Mono<Void> sweep() {
        return requests.waitingLists()
                .concatMap(list -> tx.transactional(rematch(list.region(), list.careType())))
                .then();
    }
}
