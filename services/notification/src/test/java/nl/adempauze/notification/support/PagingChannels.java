package nl.adempauze.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import nl.adempauze.notification.application.PageMail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real channels pages go through in the tests, started once for the shared context: an SMTP server (GreenMail)
 * and an HTTP receiver standing in for the SMS gateway. Tests keep apart by unique addresses and phone numbers.
 */
public final class PagingChannels {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile PagingChannels instance;

    private final GreenMail smtp;
    private final WebhookReceiver smsGateway;

    private PagingChannels() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        smsGateway = WebhookReceiver.start();
    }

    public static PagingChannels get() {
        if (instance == null) {
            synchronized (PagingChannels.class) {
                if (instance == null) {
                    instance = new PagingChannels();
                }
            }
        }
        return instance;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public String smsUrl() {
        return smsGateway.url();
    }

    /** One e-mail as the SMTP server received it, with the message id it was sent under. */
    public record Mail(String to, String subject, String body, String reference) {
    }

    /** One SMS as the gateway received it, with the API key it was sent with. */
    public record Sms(String to, String text, String reference, String authorization) {
    }

    public List<Mail> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .map(message -> new Mail(address, subject(message), body(message), reference(message)))
                .toList();
    }

    public List<Sms> smsTo(String phone) {
        return smsGateway.received().stream()
                .map(request -> {
                    JsonNode body = JSON.readTree(request.body());
                    return new Sms(body.path("to").asString(), body.path("text").asString(),
                            body.path("reference").asString(), request.header("Authorization"));
                })
                .filter(sms -> sms.to().equals(phone))
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString().trim();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reference(MimeMessage message) {
        try {
            return message.getHeader(PageMail.REFERENCE_HEADER, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
