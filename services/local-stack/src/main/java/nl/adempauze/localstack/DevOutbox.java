package nl.adempauze.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's stand-ins for the channels pages go through, so a newcomer sees them arrive: a real SMTP server
 * (GreenMail) and a stand-in SMS gateway (a tiny HTTP receiver taking the generic gateway's JSON), both on
 * 127.0.0.1, and an HTML page listing what they received, served by the front door at {@code /dev/outbox}. Local
 * stack only: nginx in docker-compose has no such page (mailpit plays the mail part there).
 */
public final class DevOutbox implements AutoCloseable {

    public static final String PATH = "/dev/outbox";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GreenMail smtp;
    private final HttpServer sms;
    private final List<Item> texts = new CopyOnWriteArrayList<>();

    private DevOutbox(int smtpPort, int smsPort) {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            sms = HttpServer.create(new InetSocketAddress("127.0.0.1", smsPort), 0);
        } catch (IOException e) {
            smtp.stop();
            throw new IllegalStateException("Cannot start the stand-in SMS gateway", e);
        }
        sms.createContext("/sms", this::receiveSms);
        sms.start();
    }

    /** Port 0 picks a free port. */
    public static DevOutbox start(int smtpPort, int smsPort) {
        return new DevOutbox(smtpPort, smsPort);
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public String smsUrl() {
        return "http://127.0.0.1:" + sms.getAddress().getPort() + "/sms";
    }

    /** What notification needs to send pages here. */
    public Map<String, String> notificationProperties() {
        return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(smtpPort()),
                "adempauze.paging.sms.url", smsUrl());
    }

    /** One message received: e-mail or SMS, to whom, its subject (e-mail) and text. */
    public record Item(Instant at, String channel, String to, String subject, String text) {
    }

    /** Everything received, newest first. */
    public List<Item> items() {
        List<Item> all = new ArrayList<>(texts);
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            all.add(mail(mail));
        }
        all.sort(Comparator.comparing(Item::at).reversed());
        return all;
    }

    /** The outbox as a small Dutch HTML page. */
    public String html() {
        StringBuilder rows = new StringBuilder();
        for (Item item : items()) {
            rows.append("<tr><td>").append(item.at()).append("</td><td>").append(item.channel())
                    .append("</td><td>").append(escape(item.to())).append("</td><td><b>")
                    .append(escape(item.subject())).append("</b><pre>").append(escape(item.text()))
                    .append("</pre></td></tr>\n");
        }
        return """
                <!doctype html>
                <html lang="nl"><head><meta charset="utf-8"><title>Verzonden oproepen (lokaal)</title>
                <meta http-equiv="refresh" content="5">
                <style>body{font-family:sans-serif;margin:1rem}td{border-top:1px solid #ccc;padding:.4rem;
                vertical-align:top}pre{white-space:pre-wrap;margin:.3rem 0}</style></head>
                <body><h1>Verzonden oproepen</h1>
                <p>E-mail (SMTP op 127.0.0.1:%d) en sms (stand-in gateway %s) van de lokale stack, nieuwste eerst.
                Alleen lokaal; deze pagina ververst elke 5 seconden.</p>
                <table><tr><th>Tijd</th><th>Kanaal</th><th>Aan</th><th>Bericht</th></tr>
                %s</table></body></html>
                """.formatted(smtpPort(), smsUrl(), rows.length() == 0 ? "<tr><td colspan=4>Nog niets verzonden."
                + "</td></tr>" : rows);
    }

    private void receiveSms(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode body = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            texts.add(new Item(Instant.now(), "SMS", body.path("to").asString(), "", body.path("text").asString()));
            byte[] answer = "{\"status\":\"queued\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        } finally {
            exchange.close();
        }
    }

    private static Item mail(MimeMessage mail) {
        try {
            Instant at = mail.getReceivedDate() != null ? mail.getReceivedDate().toInstant()
                    : mail.getSentDate() != null ? mail.getSentDate().toInstant() : Instant.EPOCH;
            String to = String.join(", ", Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString).toList());
            return new Item(at, "E-mail", to, mail.getSubject(), String.valueOf(mail.getContent()).trim());
        } catch (MessagingException | IOException e) {
            return new Item(Instant.EPOCH, "E-mail", "?", "(onleesbaar)", e.toString());
        }
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

    @Override
    public void close() {
        sms.stop(0);
        smtp.stop();
    }
}
