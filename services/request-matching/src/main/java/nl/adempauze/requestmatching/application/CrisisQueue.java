package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Instant;
import nl.adempauze.requestmatching.domain.CrisisQueueOrder;
import nl.adempauze.requestmatching.domain.RequestCommand;
import nl.adempauze.requestmatching.persistence.CrisisQueueRepository;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The crisis queue of a region: crisis requests that escalated for lack of a candidate, matched again by themselves
 * when beds appear or a location reopens, in {@link CrisisQueueOrder}. As {@link WaitingList} does for nights: one
 * hold per change, for the first queued request a bed fits; a refused hold or a decline moves on through the offer
 * cycle, and the next in line is tried on the next change.
 */
@Service
public class CrisisQueue {

    private final RequestRepository requests;
    private final CrisisQueueRepository queue;
    private final OfferCycle offerCycle;
    private final Changes changes;
    private final TransactionalOperator tx;
    private final ReferenceDataRepository reference;
    private final Clock clock;

    CrisisQueue(RequestRepository requests, CrisisQueueRepository queue, OfferCycle offerCycle, Changes changes,
                TransactionalOperator tx, ReferenceDataRepository reference, Clock clock) {
        this.reference = reference;
        this.requests = requests;
        this.queue = queue;
        this.offerCycle = offerCycle;
        this.changes = changes;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Tries the queued requests of a region and care type in order until one gets a hold, then those of the regions
     * that may be offered this region's beds when they have none (across the border); runs in the caller's
     * transaction (the consumer's that brought the change, or the sweep's). Answers whether a hold was requested.
     */
    public Mono<Boolean> rematch(String region, String careType) {
        return rematchOwn(region, careType).flatMap(held -> held ? Mono.just(true)
                // help across the border: the queues of the regions that may be offered this region's beds
                : reference.offeredToBy(region).concatMap(other -> rematchOwn(other, careType))
                        .filter(otherHeld -> otherHeld).next().defaultIfEmpty(false));
    }

    private Mono<Boolean> rematchOwn(String region, String careType) {
        Instant now = clock.instant();
        return offerCycle.firstInLine(queue.retryable(region, careType)
                        .sort(CrisisQueueOrder.comparator())
                        .map(CrisisQueueOrder.Entry::requestId),
                RequestCommand.RETRY_FROM_QUEUE, request -> request.retryFromQueue(now), offerCycle::tryFromQueue);
    }

    /** A location of {@code region} reopened: every care type with a queue there is tried. */
    public Mono<Void> rematchRegion(String region) {
        return queue.queues(region).concatMap(list -> rematch(list.region(), list.careType())).then();
    }

    /** The safety net beside the re-match on every change: every queue, each in its own transaction. */
    public Mono<Void> sweep() {
        return queue.queues(null)
                .concatMap(list -> tx.transactional(rematch(list.region(), list.careType())))
                .then();
    }

    /** Queued requests whose admission deadline passed leave the queue, and the coordinator is told again. */
    public Mono<Void> leaveWhenDeadlinePassed() {
        Instant now = clock.instant();
        return queue.deadlinePassed(now)
                .concatMap(id -> tx.transactional(requests.lockIfAllowed(id, RequestCommand.LEAVE_QUEUE)
                        .zipWith(queue.find(id))
                        .filter(locked -> locked.getT2().inQueue())
                        .flatMap(locked -> {
                            var left = locked.getT1().leaveQueue(locked.getT2(), now);
                            return queue.save(left.aggregate()).then(changes.publish(left.events()));
                        })))
                .then();
    }
}
