package nl.adempauze.notification.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.adempauze.notification.WebhookProperties;
import nl.adempauze.notification.domain.BackoffSchedule;
import nl.adempauze.notification.domain.ClaimedDelivery;
import nl.adempauze.notification.domain.DeliveryStatus;
import nl.adempauze.notification.domain.DeliveryUpdate;
import nl.adempauze.notification.persistence.DeliveryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends webhook deliveries: new ones right after the event is recorded, due retries from a poll. Each
 * attempt first claims its delivery, so the immediate path, the poller and other instances never send the
 * same delivery at once; the outcome is recorded with the backoff's verdict. No scheduler lock on purpose: every
 * instance polls and claims its own rows ({@code FOR UPDATE SKIP LOCKED}), so the instances share the sending.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int CONCURRENCY = 16;

    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final BackoffSchedule schedule;
    private final Clock clock;
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;

    public WebhookDispatcher(DeliveryRepository deliveries, WebhookSender sender, WebhookProperties properties,
                             Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.properties = properties;
        this.schedule = properties.backoffSchedule();
        this.clock = clock;
        this.delivered = meters.counter("adempauze.webhooks.deliveries", "outcome", "delivered");
        this.retried = meters.counter("adempauze.webhooks.deliveries", "outcome", "retried");
        this.failed = meters.counter("adempauze.webhooks.deliveries", "outcome", "failed");
    }

    /** Tries the given new deliveries now, without waiting; the poller covers anything this misses. */
    public void dispatch(List<UUID> ids) {
        Instant now = clock.instant();
        attemptAll(deliveries.claim(ids, now, now.plus(properties.lease())))
                .subscribe(null, error -> log.warn("Immediate webhook dispatch failed, poller will retry: {}",
                        error.toString()));
    }

    /**
     * Sends what is due, batch after batch while batches come back full, for at most half a lease: a backlog (a
     * receiver down for an hour, a dead instance's claims run out) is worked off at the pace the receivers answer,
     * not one batch per poll interval, so a retry that is due does not wait behind hundreds of others for minutes.
     */
    @Scheduled(fixedDelayString = "${adempauze.webhooks.poll-interval:PT1S}")
    public void poll() {
        long until = System.nanoTime() + properties.lease().toNanos() / 2;
        try {
            long claimed;
            do {
                Instant now = clock.instant();
                claimed = attemptAll(deliveries.claimDue(now, now.plus(properties.lease()), properties.batchSize()))
                        .block(properties.lease());
            } while (claimed == properties.batchSize() && System.nanoTime() < until);
        } catch (RuntimeException e) {
            log.warn("Webhook poll failed, will retry: {}", e.toString());
        }
    }

    /** Attempts each claimed delivery; emits how many were claimed. */
    private Mono<Long> attemptAll(Flux<ClaimedDelivery> claimed) {
        return claimed.flatMap(delivery -> attempt(delivery).thenReturn(delivery), CONCURRENCY).count();
    }

    private Mono<Void> attempt(ClaimedDelivery delivery) {
        return sender.send(delivery)
                .flatMap(outcome -> {
                    DeliveryUpdate update = DeliveryUpdate.after(delivery.attempts(), outcome, schedule,
                            clock.instant());
                    return deliveries.record(delivery, update)
                            .doOnNext(recorded -> report(delivery, update, recorded));
                })
                .then();
    }

    private void report(ClaimedDelivery delivery, DeliveryUpdate update, boolean recorded) {
        if (!recorded) {
            log.debug("Delivery {} outcome not recorded: its claim expired", delivery.id());
            return;
        }
        if (update.status() == DeliveryStatus.DELIVERED) {
            delivered.increment();
        } else if (update.status() == DeliveryStatus.PENDING) {
            retried.increment();
            log.info("Webhook {} for event {} to {} failed (attempt {}: {}), retrying at {}", delivery.id(),
                    delivery.eventId(), delivery.url(), update.attempts(), update.error(), update.nextAttemptAt());
        } else {
            failed.increment();
            log.warn("Webhook {} for event {} to {} failed permanently after {} attempts: {}", delivery.id(),
                    delivery.eventId(), delivery.url(), update.attempts(), update.error());
        }
    }
}
