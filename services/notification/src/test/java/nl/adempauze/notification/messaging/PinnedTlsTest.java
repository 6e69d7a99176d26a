package nl.adempauze.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import nl.adempauze.notification.WebhookProperties;
import nl.adempauze.notification.domain.AttemptOutcome;
import nl.adempauze.notification.domain.ClaimedDelivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https webhook over the pinned address still speaks TLS to the URL's host name: a real TLS server on loopback,
 * reached through the checked address of a name no DNS knows, is asked for that name (SNI); its self-signed
 * certificate is not trusted, which the log records as TLS_ERROR.
 */
class PinnedTlsTest {

    private static final String HOST = "hooks.rebind.test";

    @TempDir
    Path dir;

    @Test
    void theTlsServerNameIsTheUrlsHostAndAnUntrustedCertificateIsATlsError() throws Exception {
        List<String> serverNames = new CopyOnWriteArrayList<>();
        try (SSLServerSocket server = tlsServer(serverNames)) {
            Thread acceptor = new Thread(() -> acceptOne(server));
            acceptor.start();
            WebhookProperties properties = new WebhookProperties(4, Duration.ofMillis(200), Duration.ofSeconds(1),
                    // generous: the first TLS context of a JVM takes seconds to set up on a busy machine
                    Duration.ofSeconds(30), Duration.ofSeconds(1), 10, Duration.ofSeconds(60), true);
            HttpWebhookSender sender = new HttpWebhookSender(properties,
                    properties.targets(host -> List.of(InetAddress.getByName("127.0.0.1"))), Clock.systemUTC());

            AttemptOutcome outcome = sender.send(new ClaimedDelivery(UUID.randomUUID(), UUID.randomUUID(), "evt-1",
                    "RequestMatched", "{}", 0, URI.create("https://" + HOST + ":" + server.getLocalPort() + "/hook"),
                    "a-subscriber-secret-of-32-chars!")).block();

            assertThat(outcome).isEqualTo(AttemptOutcome.noAnswer(AttemptOutcome.TLS_ERROR));
            assertThat(serverNames).containsExactly(HOST);
            acceptor.join(5000);
        }
    }

    /** A TLS server on loopback with a self-signed certificate, recording the server names clients ask for. */
    private SSLServerSocket tlsServer(List<String> serverNames) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hook", "-keyalg", "RSA", "-keysize", "2048", "-validity", "1",
                "-dname", "CN=" + HOST, "-ext", "SAN=dns:" + HOST, "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        SSLParameters parameters = server.getSSLParameters();
        parameters.setSNIMatchers(List.of(new SNIMatcher(0) {
            @Override
            public boolean matches(SNIServerName name) {
                serverNames.add(new SNIHostName(name.getEncoded()).getAsciiName());
                return true;
            }
        }));
        server.setSSLParameters(parameters);
        return server;
    }

    private static void acceptOne(SSLServerSocket server) {
        try (SSLSocket socket = (SSLSocket) server.accept()) {
            socket.startHandshake();
        } catch (Exception expected) {
            // the client refuses the certificate
        }
    }
}
