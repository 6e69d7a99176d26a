package nl.adempauze.notification.messaging;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import nl.adempauze.notification.PagingProperties;
import nl.adempauze.notification.application.PageMail;
import nl.adempauze.notification.domain.AttemptOutcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Page e-mails over SMTP (Spring's {@link JavaMailSender}, configured by {@code spring.mail.*}). Jakarta Mail
 * blocks, so each message is sent on a worker thread, never on an event loop or the scheduler. Without
 * {@code spring.mail.host} there is no sender: attempts fail visibly and are retried.
 */
@Component
public class SmtpPageMail implements PageMail {

    private final ObjectProvider<JavaMailSender> senders;
    private final String from;

    public SmtpPageMail(ObjectProvider<JavaMailSender> senders, PagingProperties properties) {
        this.senders = senders;
        this.from = properties.mailFrom();
    }

    @Override
    public Mono<AttemptOutcome> send(String to, String subject, String text, String reference) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return Mono.just(AttemptOutcome.noAnswer("No mail server configured (spring.mail.host)"));
        }
        return Mono.fromCallable(() -> {
                    MimeMessage message = sender.createMimeMessage();
                    MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
                    helper.setFrom(from);
                    helper.setTo(to);
                    helper.setSubject(subject);
                    helper.setText(text);
                    message.setHeader(REFERENCE_HEADER, reference);
                    sender.send(message);
                    return AttemptOutcome.answered(250);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(error -> Mono.just(AttemptOutcome.noAnswer(describe(error))));
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        String text = error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

}
