package nl.adempauze.notification.application;

import nl.adempauze.notification.domain.AttemptOutcome;
import reactor.core.publisher.Mono;

/** One attempt to e-mail a page. Never fails: whatever happens comes back as an {@link AttemptOutcome}. */
public interface PageMail {

    /** The header carrying the message's own id, the same on every attempt, so a receiver can tell a resend. */
    String REFERENCE_HEADER = "X-Adempauze-Message-Id";

    /** {@code reference}: the message's id, the same on every attempt (as the SMS gateway's reference). */
    Mono<AttemptOutcome> send(String to, String subject, String text, String reference);
}
