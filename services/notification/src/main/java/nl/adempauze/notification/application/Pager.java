package nl.adempauze.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.notification.PagingProperties;
import nl.adempauze.notification.domain.AcknowledgeToken;
import nl.adempauze.notification.domain.Channel;
import nl.adempauze.notification.domain.Contact;
import nl.adempauze.notification.domain.Page;
import nl.adempauze.notification.domain.PageMessage;
import nl.adempauze.notification.domain.PageTier;
import nl.adempauze.notification.persistence.KnownRequestRepository;
import nl.adempauze.notification.persistence.PageDeliveryRepository;
import nl.adempauze.notification.persistence.PageRepository;
import nl.adempauze.notification.persistence.ShiftRepository;
import nl.adempauze.platform.inbox.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pages the region's on-call coordinators when a request escalates, and moves each page along its chain (primary,
 * backup, everyone with a shift) when nobody acknowledges in time. A page and its messages are stored in the
 * transaction that records the event as processed (one page per event id), a step with a conditional update in a
 * transaction of its own, so a redelivered event or a step run twice pages once; the messages are sent by the
 * {@link PageDispatcher} after commit. The rota's clock runs on one instance per tick (a scheduler lock).
 */
@Component
public class Pager {

    private static final Logger log = LoggerFactory.getLogger(Pager.class);
    private static final int STEPS_PER_ROUND = 50;
    private static final Duration ROUND_AT_MOST = Duration.ofSeconds(30);

    private final PageRepository pages;
    private final PageDeliveryRepository deliveries;
    private final ShiftRepository shifts;
    private final KnownRequestRepository requests;
    private final PageDispatcher dispatcher;
    private final TransactionalOperator tx;
    private final PagingProperties properties;
    private final Clock clock;

    public Pager(PageRepository pages, PageDeliveryRepository deliveries, ShiftRepository shifts,
                 KnownRequestRepository requests, PageDispatcher dispatcher, TransactionalOperator tx,
                 PagingProperties properties, Clock clock) {
        this.pages = pages;
        this.deliveries = deliveries;
        this.shifts = shifts;
        this.requests = requests;
        this.dispatcher = dispatcher;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs inside the consumer's inbox transaction: an escalation becomes a page to the primary on call. */
    /** Whether the event may open a page: an escalation in a region. */
    public boolean mayAct(IncomingEvent event) {
        return event.payload() instanceof RequestEscalated escalated && escalated.region() != null;
    }

    public Mono<Void> handle(IncomingEvent event) {
        if (!(event.payload() instanceof RequestEscalated escalated) || escalated.region() == null) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return requests.municipalityOf(escalated.requestId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(municipality -> {
                    Page page = Page.open(UUID.randomUUID(), event.id(), escalated.region(), escalated.requestId(),
                            escalated.careType(), municipality.orElse(null), escalated.reason(), now,
                            properties.acknowledgeWithin(escalated.region()));
                    return pages.insert(page).flatMap(inserted -> inserted
                            ? pageTier(page, PageTier.PRIMARY, now)
                            : Mono.<List<UUID>>just(List.of()));
                })
                .flatMap(dispatcher::dispatchAfterCommit);
    }

    /**
     * Moves every page whose time ran out one step on: one round at a time, on one instance per tick (the lock
     * outlasts the round's bound). The round waits for its steps, which only touch the database; messages are
     * sent by the dispatcher.
     */
    @Scheduled(fixedDelayString = "${adempauze.paging.poll-interval:PT1S}")
    @SchedulerLock(name = "pager-rota", lockAtMostFor = "#{T(nl.adempauze.platform.scheduling.LockTimes)"
            + ".atMost('${adempauze.paging.poll-interval:PT1S}', 'PT1M')}",
            lockAtLeastFor = "${adempauze.paging.poll-interval:PT1S}")
    public void escalateDue() {
        Instant now = clock.instant();
        try {
            pages.due(now, STEPS_PER_ROUND)
                    .concatMap(page -> step(page, now)
                            .onErrorResume(error -> {
                                log.warn("Page {} could not move on, will retry: {}", page.id(), error.toString());
                                return Mono.empty();
                            }))
                    .then()
                    .block(ROUND_AT_MOST);
        } catch (RuntimeException error) {
            log.warn("Page step round failed, will retry: {}", error.toString());
        }
    }

    /** One step of one page, in a transaction; nothing when another run already took this step. */
    Mono<Void> step(Page due, Instant now) {
        Page next = due.escalate(now, properties.acknowledgeWithin(due.region()));
        return pages.update(next)
                .flatMap(updated -> updated ? pageTier(next, next.status().tier(), now) : Mono.just(List.<UUID>of()))
                .flatMap(dispatcher::dispatchAfterCommit)
                .as(tx::transactional)
                .doOnSuccess(ignored -> log.info("Page {} for request {} in {} not acknowledged in time: {}",
                        next.id(), next.requestId(), next.region(), next.status()));
    }

    /** Stores a message per person and channel of the tier; the ids of those created. */
    private Mono<List<UUID>> pageTier(Page page, PageTier tier, Instant now) {
        return shifts.rota(page.region())
                .flatMapMany(rota -> {
                    List<Contact> recipients = rota.recipients(tier, now);
                    if (recipients.isEmpty()) {
                        log.warn("Page {} for request {}: nobody to page at tier {} in region {}", page.id(),
                                page.requestId(), tier, page.region());
                    }
                    return Flux.fromIterable(recipients);
                })
                .concatMap(contact -> Flux.concat(
                        message(page, tier, contact, Channel.EMAIL, contact.email(), now),
                        message(page, tier, contact, Channel.SMS, contact.phone(), now)))
                .collectList();
    }

    private Mono<UUID> message(Page page, PageTier tier, Contact contact, Channel channel, String address,
                               Instant now) {
        String token = new AcknowledgeToken(page.id(), contact.userId(), now.plus(properties.linkValidity()))
                .sign(properties.linkSecret());
        PageMessage text = PageMessage.of(page, channel, properties.boardUrl(),
                properties.publicUrl() + "/api/v1/pages/ack?token=" + token);
        return deliveries.insert(page.id(), tier, contact.userId(), channel, address, text.subject(), text.text(),
                now);
    }
}
