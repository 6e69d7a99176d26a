package nl.adempauze.requestmatching.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.StayReminderIssued;
import nl.adempauze.platform.outbox.Outbox;
import nl.adempauze.requestmatching.persistence.OfferRepository;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The calendar's clocks: re-matches the waiting lists (a safety net beside the re-match on every capacity change),
 * takes stays whose dates have all begun off the waiting list, reminds of booked stays that begin soon, and warns the
 * coordinator of a crisis stay in a calendar bed that has not ended a day before its held nights run out.
 */
@Component
public class StayClocks {

    private static final Logger log = LoggerFactory.getLogger(StayClocks.class);

    private final WaitingList waitingList;
    private final OfferCycle offerCycle;
    private final RequestRepository requests;
    private final OfferRepository offers;
    private final RespiteMetrics metrics;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final MatchingSettings settings;
    private final Clock clock;

    public StayClocks(WaitingList waitingList, OfferCycle offerCycle, RequestRepository requests,
                      OfferRepository offers, RespiteMetrics metrics, Outbox outbox, TransactionalOperator tx,
                      MatchingSettings settings, Clock clock) {
        this.waitingList = waitingList;
        this.offerCycle = offerCycle;
        this.requests = requests;
        this.offers = offers;
        this.metrics = metrics;
        this.outbox = outbox;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${adempauze.matching.calendar-check-interval}")
    public void check() {
        Instant now = clock.instant();
        LocalDate tonight = Nights.nightOf(now);
        step("take passed stays off the waiting list", requests.waitingWindowPassed(tonight)
                .concatMap(id -> tx.transactional(requests.lock(id)
                        .filter(request -> request.status() == RequestStatus.WAITING)
                        .flatMap(request -> offerCycle.windowPassed(request, now))))
                .then());
        step("re-match the waiting lists", waitingList.sweep());
        step("remind of stays that begin soon", requests.remindersDue(Nights.nightOf(now.plus(settings.reminderLead())))
                .concatMap(due -> tx.transactional(requests.markReminded(due.requestId(), now)
                        .filter(marked -> marked > 0)
                        .flatMap(marked -> Mono.zip(requests.find(due.requestId()), offers.find(due.offerId())))
                        .flatMap(t -> outbox.append(new StayReminderIssued(t.getT1().id(), t.getT2().id(),
                                t.getT1().region(), t.getT2().locationId(), t.getT2().providerId(),
                                t.getT2().careType(), t.getT2().firstNight(), t.getT2().nights(), now)))))
                .then());
        step("warn of crisis stays about to overrun their nights",
                requests.staysEndingBy(Nights.nightOf(now.plus(settings.overrunMargin())))
                        .concatMap(id -> tx.transactional(requests.markOverrunEscalated(id, now)
                                .filter(marked -> marked > 0)
                                .flatMap(marked -> requests.find(id))
                                .flatMap(request -> offers.find(request.matchedOfferId())
                                        .flatMap(offer -> offerCycle.escalate(request, null, "STAY_OVERRUN",
                                                "The crisis stay at " + offer.locationId() + " holds its bed until the"
                                                        + " night of " + offer.firstNight().plusDays(offer.nights() - 1L)
                                                        + "; the bed may be booked for planned respite after that:"
                                                        + " discharge, or arrange a follow-up place", now)))))
                        .then());
        step("count the waiting lists", requests.waitingListLengths()
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
