package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.adempauze.requestmatching.MatchingSettings;
import nl.adempauze.requestmatching.domain.RequestCommand;
import nl.adempauze.requestmatching.domain.WaitingListOrder;
import nl.adempauze.requestmatching.persistence.WaitingListRepository;
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

    private final WaitingListRepository waiting;
    private final OfferCycle offerCycle;
    private final TransactionalOperator tx;
    private final MatchingSettings settings;
    private final Clock clock;

    WaitingList(WaitingListRepository waiting, OfferCycle offerCycle, TransactionalOperator tx,
                MatchingSettings settings, Clock clock) {
        this.waiting = waiting;
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
        return waiting.waiting(region, careType).sort(order().comparator()).collectList();
    }

    /**
     * Tries the waiting requests in order until one gets an offer; runs in the caller's transaction (the consumer's
     * that brought the new capacity, or the sweep's). Answers whether an offer went out.
     */
    public Mono<Boolean> rematch(String region, String careType) {
        Instant now = clock.instant();
        return offerCycle.firstInLine(inOrder(region, careType)
                        .flatMapMany(Flux::fromIterable)
                        .take(settings.waitingListScan())
                        .map(WaitingListOrder.Entry::requestId),
                RequestCommand.REMATCH, request -> request.rematch(now), offerCycle::tryOffer);
    }

    /** The care types of a region (or just {@code careType}, if given) with a waiting list, by name. */
    public Mono<List<String>> careTypesWaiting(String region, String careType) {
        return waiting.waitingLists()
                .filter(list -> list.region().equals(region) && (careType == null || list.careType().equals(careType)))
                .map(WaitingListRepository.CareTypeInRegion::careType)
                .sort()
                .collectList();
    }

    /** The safety net: every non-empty waiting list, each in its own transaction. */
    public Mono<Void> sweep() {
        return waiting.waitingLists()
                .concatMap(list -> tx.transactional(rematch(list.region(), list.careType())))
                .then();
    }
}
