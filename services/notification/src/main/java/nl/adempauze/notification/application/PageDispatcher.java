package nl.adempauze.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.adempauze.notification.PagingProperties;
import nl.adempauze.notification.domain.AttemptOutcome;
import nl.adempauze.notification.domain.BackoffSchedule;
import nl.adempauze.notification.domain.Channel;
import nl.adempauze.notification.domain.ClaimedPageDelivery;
import nl.adempauze.notification.domain.DeliveryStatus;
import nl.adempauze.notification.domain.DeliveryUpdate;
import nl.adempauze.notification.persistence.PageDeliveryRepository;
import nl.adempauze.platform.persistence.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends page messages (and referrers' follow-up messages, which share their table) by e-mail and SMS: new ones right after the page is recorded, due retries from a poll, each
 * attempt under a claim (as {@link WebhookDispatcher} sends webhooks). Apart from the webhook dispatcher on purpose:
 * its poll never blocks the scheduler thread the webhook poll shares, so a mail server that hangs slows neither
 * webhooks nor the live stream. No scheduler lock on purpose: every instance polls and claims its own rows
 * ({@code FOR UPDATE SKIP LOCKED}), so the instances share the sending.
 */
@Component
public class PageDispatcher {

    private static final Logger log = LoggerFactory.getLogger(PageDispatcher.class);
    private static final int CONCURRENCY = 8;

    private final PageDeliveryRepository deliveries;
    private final PageMail mail;
    private final SmsGateway sms;
    private final PagingProperties properties;
    private final BackoffSchedule schedule;
    private final Clock clock;
    private final AtomicBoolean polling = new AtomicBoolean();

    public PageDispatcher(PageDeliveryRepository deliveries, PageMail mail, SmsGateway sms,
                          PagingProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.mail = mail;
        this.sms = sms;
        this.properties = properties;
        this.schedule = properties.backoffSchedule();
        this.clock = clock;
    }

    /** Tries the given new messages now; the poller covers anything this misses. */
    public void dispatch(List<UUID> ids) {
        Instant now = clock.instant();
        attemptAll(deliveries.claim(ids, now, now.plus(properties.lease())))
                .subscribe(null, error -> log.warn("Immediate page dispatch failed, poller will retry: {}",
                        error.toString()));
    }

    /** Sends the given new messages once the current transaction commits (nothing when there are none). */
    public Mono<Void> dispatchAfterCommit(List<UUID> created) {
        if (created.isEmpty()) {
            return Mono.empty();
        }
        List<UUID> ids = new ArrayList<>(created);
        return AfterCommit.run(() -> dispatch(ids));
    }

    /** Starts a round unless the last one is still running; returns at once. */
    @Scheduled(fixedDelayString = "${adempauze.paging.poll-interval:PT1S}")
    public void poll() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        Instant now = clock.instant();
        attemptAll(deliveries.claimDue(now, now.plus(properties.lease()), 50))
                .doFinally(signal -> polling.set(false))
                .subscribe(null, error -> log.warn("Page poll failed, will retry: {}", error.toString()));
    }

    private Mono<Void> attemptAll(Flux<ClaimedPageDelivery> claimed) {
        return claimed.flatMap(this::attempt, CONCURRENCY).then();
    }

    private Mono<Void> attempt(ClaimedPageDelivery delivery) {
        Mono<AttemptOutcome> sent = delivery.channel() == Channel.EMAIL
                ? mail.send(delivery.address(), delivery.subject(), delivery.body(), delivery.id().toString())
                : sms.send(delivery.address(), delivery.body(), delivery.id().toString());
        return sent
                .timeout(properties.lease().dividedBy(2), Mono.fromSupplier(
                        () -> AttemptOutcome.noAnswer("No answer within " + properties.lease().dividedBy(2))))
                .flatMap(outcome -> {
                    DeliveryUpdate update = DeliveryUpdate.after(delivery.attempts(), outcome, schedule,
                            clock.instant());
                    return deliveries.record(delivery, update).doOnNext(recorded -> report(delivery, update));
                })
                .then();
    }

    private static void report(ClaimedPageDelivery delivery, DeliveryUpdate update) {
        if (update.status() == DeliveryStatus.PENDING) {
            log.info("Message {} (page {}) by {} failed (attempt {}: {}), retrying at {}", delivery.id(),
                    delivery.pageId(), delivery.channel(), update.attempts(), update.error(), update.nextAttemptAt());
        } else if (update.status() == DeliveryStatus.FAILED) {
            log.warn("Message {} (page {}) by {} failed permanently after {} attempts: {}", delivery.id(),
                    delivery.pageId(), delivery.channel(), update.attempts(), update.error());
        }
    }
}
