package nl.adempauze.notification.application;

import nl.adempauze.notification.domain.AttemptOutcome;
import reactor.core.publisher.Mono;

/**
 * One attempt to send an SMS through the gateway. Never fails: whatever happens comes back as an
 * {@link AttemptOutcome}. {@code reference} is ours (the message id), so the gateway's own log can be matched.
 */
public interface SmsGateway {

    Mono<AttemptOutcome> send(String to, String text, String reference);
}
