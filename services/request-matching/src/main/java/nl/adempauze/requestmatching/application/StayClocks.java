package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.adempauze.contracts.Nights;
import nl.adempauze.requestmatching.MatchingSettings;
import nl.adempauze.requestmatching.domain.RequestCommand;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.persistence.DueRequests;
import nl.adempauze.requestmatching.persistence.OfferRepository;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import nl.adempauze.requestmatching.persistence.WaitingListRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The calendar's clocks: re-matches the waiting lists (a safety net beside the re-match on every capacity change),
 * takes stays whose dates have all begun off the waiting list, reminds of booked stays that begin soon, and warns the
 * coordinator of a crisis stay in a calendar bed that has not ended a day before its held nights run out. On a schedule
 * one instance runs the clocks per interval (a scheduler lock); each step also claims its rows, so a direct call
 * beside it does nothing twice.
 */
@Component
public class StayClocks {

    private static final Logger log = LoggerFactory.getLogger(StayClocks.class);

    private final WaitingList waitingList;
    private final CrisisQueue crisisQueue;
    private final OfferCycle offerCycle;
    private final RequestRepository requests;
    private final DueRequests due;
    private final WaitingListRepository waiting;
    private final OfferRepository offers;
    private final RespiteMetrics metrics;
    private final Changes changes;
    private final TransactionalOperator tx;
    private final MatchingSettings settings;
    private final Clock clock;

    StayClocks(WaitingList waitingList, CrisisQueue crisisQueue, OfferCycle offerCycle, RequestRepository requests, DueRequests due,
               WaitingListRepository waiting, OfferRepository offers, RespiteMetrics metrics, Changes changes,
               TransactionalOperator tx, MatchingSettings settings, Clock clock) {
        this.waitingList = waitingList;
        this.crisisQueue = crisisQueue;
        this.offerCycle = offerCycle;
        this.requests = requests;
        this.due = due;
        this.waiting = waiting;
        this.offers = offers;
        this.metrics = metrics;
        this.changes = changes;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    /** Six steps of at most a minute each: the lock outlasts them all (and the interval, which it is held for). */
    @Scheduled(fixedDelayString = "${adempauze.matching.calendar-check-interval}")
    @SchedulerLock(name = "stay-clocks", lockAtMostFor = "#{T(nl.adempauze.platform.scheduling.LockTimes)"
            + ".atMost('${adempauze.matching.calendar-check-interval}', 'PT10M')}",
            lockAtLeastFor = "${adempauze.matching.calendar-check-interval}")
    public void onSchedule() {
        check();
    }

    public void check() {
        Instant now = clock.instant();
        LocalDate tonight = Nights.nightOf(now);
        step("take passed stays off the waiting list", due.waitingWindowPassed(tonight)
                .concatMap(id -> tx.transactional(requests.lock(id)
                        .filter(request -> request.status() == RequestStatus.WAITING)
                        .flatMap(request -> offerCycle.windowPassed(request, now))))
                .then());
        step("re-match the waiting lists", waitingList.sweep());
        step("take crisis requests past their deadline out of the crisis queue", crisisQueue.leaveWhenDeadlinePassed());
        step("re-match the crisis queues", crisisQueue.sweep());
        step("remind of stays that begin soon", due.remindersDue(Nights.nightOf(now.plus(settings.reminderLead())))
                .concatMap(reminder -> tx.transactional(due.markReminded(reminder.requestId(), now)
                        .filter(marked -> marked > 0)
                        .flatMap(marked -> Mono.zip(requests.find(reminder.requestId()),
                                offers.find(reminder.offerId())))
                        .filter(t -> t.getT1().can(RequestCommand.REMIND))
                        .flatMap(t -> changes.publish(t.getT1().remind(t.getT2(), now).events()))))
                .then());
        step("warn of crisis stays about to overrun their nights",
                due.staysEndingBy(Nights.nightOf(now.plus(settings.overrunMargin())))
                        .concatMap(id -> tx.transactional(due.markOverrunEscalated(id, now)
                                .filter(marked -> marked > 0)
                                .flatMap(marked -> requests.find(id))
                                .filter(request -> request.can(RequestCommand.WARN_OVERRUN))
                                .flatMap(request -> offers.find(request.matchedOfferId())
                                        .flatMap(offer -> changes.publish(request.overrunning(offer, now)
                                                .events())))))
                        .then());
        step("count the waiting lists", waiting.lengths()
                .collectList()
                .doOnNext(metrics::waitingListLengths)
                .then());
    }

    /** Each step on its own: one that fails must not stop the others; the next check tries again. */
    private static void step(String what, Mono<Void> work) {
        try {
            work.block(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            log.warn("Could not {}, will retry: {}", what, e.toString());
        }
    }
}
