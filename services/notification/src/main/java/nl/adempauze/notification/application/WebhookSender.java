package nl.adempauze.notification.application;

import nl.adempauze.notification.domain.AttemptOutcome;
import nl.adempauze.notification.domain.ClaimedDelivery;
import reactor.core.publisher.Mono;

/**
 * One attempt to hand a claimed delivery to its subscriber. Never fails: whatever happens (an error status, a
 * refused connection, no answer in time, a target that may not be called) comes back as an {@link AttemptOutcome},
 * which the {@link WebhookDispatcher} records with the backoff's verdict.
 */
public interface WebhookSender {

    Mono<AttemptOutcome> send(ClaimedDelivery delivery);
}
