package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.adempauze.requestmatching.MatchingSettings;
import nl.adempauze.requestmatching.persistence.DueRequests;
import nl.adempauze.requestmatching.persistence.OfferRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Watches the clocks: expires unanswered offers and flags requests whose admission deadline is at risk. One instance
 * runs each check (a scheduler lock held for the check's interval), so with several instances an offer is expired
 * once per tick, not once per instance.
 */
@Component
public class OfferDeadlines {

    private static final Logger log = LoggerFactory.getLogger(OfferDeadlines.class);

    private final OfferRepository offers;
    private final DueRequests due;
    private final OfferCycle offerCycle;
    private final MatchingSettings settings;
    private final Clock clock;

    OfferDeadlines(OfferRepository offers, DueRequests due, OfferCycle offerCycle,
                   MatchingSettings settings, Clock clock) {
        this.offers = offers;
        this.due = due;
        this.offerCycle = offerCycle;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${adempauze.matching.expiry-check-interval}")
    @SchedulerLock(name = "offer-deadlines", lockAtMostFor = "#{T(nl.adempauze.platform.scheduling.LockTimes)"
            + ".atMost('${adempauze.matching.expiry-check-interval}', 'PT2M')}",
            lockAtLeastFor = "${adempauze.matching.expiry-check-interval}")
    public void check() {
        try {
            // each step on its own: one offer that cannot be handled must not stop the clocks of all others
            offers.dueForExpiry(clock.instant(), 100)
                    .concatMap(offer -> isolated("expire offer " + offer.id(), offerCycle.expire(offer.id())))
                    .thenMany(offers.holdNotAnsweredSince(clock.instant().minus(settings.holdAnswerTimeout()), 100))
                    .concatMap(offer -> isolated("withdraw unanswered hold " + offer.id(),
                            offerCycle.holdUnanswered(offer.id())))
                    .thenMany(due.deadlineAtRisk(clock.instant().plus(settings.deadlineAtRiskMargin()),
                            clock.instant().plus(settings.plannedDeadlineMargin())))
                    .concatMap(id -> isolated("escalate deadline of " + id, offerCycle.deadlineAtRisk(id)))
                    .blockLast(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            log.warn("Deadline check failed, will retry: {}", e.toString());
        }
    }

    private static Mono<Void> isolated(String step, Mono<Void> work) {
        return work.onErrorResume(e -> {
            log.warn("Could not {}, will retry: {}", step, e.toString());
            return Mono.empty();
        });
    }
}
