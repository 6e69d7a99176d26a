package nl.adempauze.requestmatching.domain;

import java.time.Clock;
import nl.adempauze.requestmatching.persistence.OfferRepository;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Watches the clocks: expires unanswered offers and flags requests whose admission deadline is at risk. */
@Component
public class OfferDeadlines {

    private static final Logger log = LoggerFactory.getLogger(OfferDeadlines.class);

    private final OfferRepository offers;
    private final RequestRepository requests;
    private final OfferCycle offerCycle;
    private final MatchingSettings settings;
    private final Clock clock;

    public OfferDeadlines(OfferRepository offers, RequestRepository requests, OfferCycle offerCycle,
                          MatchingSettings settings, Clock clock) {
        this.offers = offers;
        this.requests = requests;
        this.offerCycle = offerCycle;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${adempauze.matching.expiry-check-interval}")
    public void check() {
        try {
            offers.dueForExpiry(clock.instant(), 100)
                    .concatMap(offer -> offerCycle.expire(offer.id()))
                    .thenMany(requests.deadlineAtRisk(clock.instant().plus(settings.deadlineAtRiskMargin())))
                    .concatMap(offerCycle::deadlineAtRisk)
                    .blockLast();
        } catch (RuntimeException e) {
            log.warn("Deadline check failed, will retry: {}", e.toString());
        }
    }
}
