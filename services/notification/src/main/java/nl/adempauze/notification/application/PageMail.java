package nl.adempauze.notification.application;

import nl.adempauze.notification.domain.AttemptOutcome;
import reactor.core.publisher.Mono;

/** One attempt to e-mail a page. Never fails: whatever happens comes back as an {@link AttemptOutcome}. */
public interface PageMail {

    Mono<AttemptOutcome> send(String to, String subject, String text);
}
