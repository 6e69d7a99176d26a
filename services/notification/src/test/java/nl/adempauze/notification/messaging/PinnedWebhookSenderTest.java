package nl.adempauze.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.adempauze.notification.WebhookProperties;
import nl.adempauze.notification.domain.AttemptOutcome;
import nl.adempauze.notification.domain.ClaimedDelivery;
import nl.adempauze.notification.domain.HostNames;
import nl.adempauze.notification.domain.WebhookTargets;
import nl.adempauze.notification.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook sender against a real HTTP receiver on loopback, with name resolution answered by the test: the host
 * is resolved once, and the connection goes to exactly the address that was checked, never to what the name
 * resolves to afterwards (DNS rebinding). Failures are recorded as codes, never as exception text.
 */
class PinnedWebhookSenderTest {

    private static final String SECRET = "a-subscriber-secret-of-32-chars!";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final int port = URI.create(receiver.url()).getPort();
    private final List<String> asked = new ArrayList<>();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void theConnectionGoesToTheCheckedAddressWithTheNameInTheHostHeader() throws UnknownHostException {
        // a name no DNS knows: only the checked answer can bring the request to the receiver
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        HttpWebhookSender sender = sender(true, answering(loopback));

        AttemptOutcome outcome = sender.send(delivery("http://hooks.rebind.test:" + port + "/hook?source=test"))
                .block();

        assertThat(outcome).isEqualTo(AttemptOutcome.answered(200));
        assertThat(asked).containsExactly("hooks.rebind.test");
        assertThat(receiver.received()).singleElement().satisfies(request -> {
            assertThat(request.header("Host")).isEqualTo("hooks.rebind.test:" + port);
            assertThat(request.signatureVerifies(SECRET)).isTrue();
        });
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckNeverReachesLoopback() throws UnknownHostException {
        // "localhost" really is the receiver; a rebinding DNS answers a public address at the check, loopback after
        InetAddress unroutedPublic = InetAddress.getByName("203.0.113.7");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        HttpWebhookSender sender = sender(false, answering(unroutedPublic, loopback));
        ClaimedDelivery delivery = delivery("http://localhost:" + port + "/hook");

        AttemptOutcome first = sender.send(delivery).block();
        assertThat(first.delivered()).isFalse();
        assertThat(first.error()).as("sent to the public address checked, which does not answer")
                .isIn(AttemptOutcome.TIMEOUT, AttemptOutcome.CONNECTION_FAILED, AttemptOutcome.CONNECTION_REFUSED);
        assertThat(asked).as("resolved once for the check and the connection").hasSize(1);

        AttemptOutcome second = sender.send(delivery).block();
        assertThat(second).as("checked again: loopback now, so not sent")
                .isEqualTo(AttemptOutcome.noAnswer(AttemptOutcome.REFUSED_TARGET));
        assertThat(receiver.received()).as("loopback never reached").isEmpty();
    }

    @Test
    void failuresAreRecordedAsCodesNamingNoAddress() throws IOException {
        HttpWebhookSender sender = sender(true, HostNames.SYSTEM);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(sender.send(delivery("http://localhost:" + closedPort + "/hook")).block())
                .isEqualTo(AttemptOutcome.noAnswer(AttemptOutcome.CONNECTION_REFUSED));

        // accepts the connection (the backlog does) and never answers
        try (ServerSocket silent = new ServerSocket(0)) {
            assertThat(sender.send(delivery("http://127.0.0.1:" + silent.getLocalPort() + "/hook")).block())
                    .isEqualTo(AttemptOutcome.noAnswer(AttemptOutcome.TIMEOUT));
        }

        receiver.failAlways();
        assertThat(sender.send(delivery(receiver.url())).block()).isEqualTo(new AttemptOutcome(500, "HTTP_500"));

        assertThat(sender.send(delivery("http://nowhere.invalid/hook")).block())
                .isEqualTo(AttemptOutcome.noAnswer(AttemptOutcome.REFUSED_TARGET));
    }

    /** Answers each lookup with the next address given (the last one from then on), recording the names asked. */
    private HostNames answering(InetAddress... answers) {
        return host -> {
            asked.add(host);
            return List.of(answers[Math.min(asked.size(), answers.length) - 1]);
        };
    }

    private static HttpWebhookSender sender(boolean allowPrivateNetworks, HostNames names) {
        WebhookProperties properties = new WebhookProperties(4, Duration.ofMillis(200), Duration.ofSeconds(1),
                TIMEOUT, Duration.ofSeconds(1), 10, Duration.ofSeconds(60), allowPrivateNetworks);
        return new HttpWebhookSender(properties, properties.targets(names), Clock.systemUTC());
    }

    private static ClaimedDelivery delivery(String url) {
        return new ClaimedDelivery(UUID.randomUUID(), UUID.randomUUID(), "evt-" + UUID.randomUUID(),
                "RequestMatched", "{\"requestId\":\"req-1\"}", 0, URI.create(url), SECRET);
    }
}
