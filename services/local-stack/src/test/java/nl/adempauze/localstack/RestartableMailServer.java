package nl.adempauze.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.adempauze.embedded.FreePort;
import nl.adempauze.notification.application.PageMail;

/**
 * A real SMTP server (GreenMail) on a fixed port that a fault test can stop, as a mail server goes down, and start
 * again on the same port. What it received before a stop is kept.
 */
final class RestartableMailServer implements AutoCloseable {

    /** One e-mail as received: to whom, and the id of the message it was sent as (the same on every attempt). */
    record Mail(String to, String reference, String subject) {
    }

    private final int port = FreePort.pick();
    private final List<Mail> receivedBeforeStops = new ArrayList<>();
    private GreenMail server;

    RestartableMailServer() {
        startAgain();
    }

    int port() {
        return port;
    }

    /** Goes down: connections to its port are refused until {@link #startAgain()}. */
    synchronized void stop() {
        receivedBeforeStops.addAll(running());
        server.stop();
        server = null;
    }

    synchronized void startAgain() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Every e-mail received, before a stop and since. */
    synchronized List<Mail> received() {
        List<Mail> all = new ArrayList<>(receivedBeforeStops);
        all.addAll(running());
        return all;
    }

    private List<Mail> running() {
        return server == null ? List.of() : Arrays.stream(server.getReceivedMessages()).map(RestartableMailServer::mail)
                .toList();
    }

    private static Mail mail(MimeMessage message) {
        try {
            return new Mail(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString)
                    .findFirst().orElse(""), message.getHeader(PageMail.REFERENCE_HEADER, null), message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
        }
    }
}
