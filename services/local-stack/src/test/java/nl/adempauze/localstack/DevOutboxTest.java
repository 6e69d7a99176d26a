package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The local stack's outbox receives real SMTP mail and the SMS gateway's JSON, and lists both, escaped. */
class DevOutboxTest {

    private final DevOutbox outbox = DevOutbox.start(0, 0);

    @AfterEach
    void stop() {
        outbox.close();
    }

    @Test
    void listsWhatTheStandInChannelsReceived() throws Exception {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(outbox.smtpPort());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("oproep@adempauze.local");
        message.setTo("femke@example.nl");
        message.setSubject("Oproep drenthe: aanvraag req-1");
        message.setText("Bevestig: <link>");
        mail.send(message);

        HttpResponse<String> sms = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(outbox.smsUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"to\":\"+31612345678\",\"text\":\"Adempauze oproep drenthe\",\"reference\":\"r1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sms.statusCode()).isEqualTo(202);

        assertThat(outbox.items()).extracting(DevOutbox.Item::channel).containsExactlyInAnyOrder("E-mail", "SMS");
        assertThat(outbox.html()).contains("femke@example.nl", "Oproep drenthe: aanvraag req-1",
                "Bevestig: &lt;link&gt;", "+31612345678", "Adempauze oproep drenthe");
        assertThat(outbox.notificationProperties()).containsEntry("spring.mail.port",
                String.valueOf(outbox.smtpPort())).containsEntry("adempauze.paging.sms.url", outbox.smsUrl());
    }
}
