package nl.adempauze.notification.messaging;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import nl.adempauze.notification.WebhookProperties;
import nl.adempauze.notification.application.WebhookSender;
import nl.adempauze.notification.domain.AttemptOutcome;
import nl.adempauze.notification.domain.ClaimedDelivery;
import nl.adempauze.notification.domain.WebhookSignature;
import nl.adempauze.notification.domain.WebhookTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A webhook attempt as one signed HTTP POST of the delivery's body to its subscriber, never following redirects.
 * The host is resolved once, by {@link WebhookTargets}, and the connection goes to exactly the address it checked:
 * nothing resolves the name again (a second lookup could answer an internal address: DNS rebinding). The name still
 * goes in the Host header and, for https, in the TLS server name and the certificate check. A new connection per
 * attempt, so no connection opened to an earlier answer is reused. Failures are recorded as codes
 * ({@link AttemptFailures}); their detail goes to this service's log only.
 * It sits in messaging beside the Kafka listeners: both carry events between this service and other systems.
 * See {@link WebhookSignature} for how receivers verify {@code X-Adempauze-Signature}.
 */
@Component
public class HttpWebhookSender implements WebhookSender {

    public static final String EVENT_ID = "X-Adempauze-Event-Id";
    public static final String EVENT_TYPE = "X-Adempauze-Event-Type";
    public static final String TIMESTAMP = "X-Adempauze-Timestamp";
    public static final String SIGNATURE = "X-Adempauze-Signature";

    private static final Logger log = LoggerFactory.getLogger(HttpWebhookSender.class);

    private final HttpClient http;
    private final WebhookTargets targets;
    private final Duration timeout;
    private final Clock clock;

    public HttpWebhookSender(WebhookProperties properties, WebhookTargets targets, Clock clock) {
        this.timeout = properties.timeout();
        this.targets = targets;
        this.clock = clock;
        this.http = HttpClient.create(ConnectionProvider.newConnection())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout)
                .followRedirect(false);
    }

    @Override
    public Mono<AttemptOutcome> send(ClaimedDelivery delivery) {
        // checked again at every attempt: the host may resolve elsewhere than when the subscription was made
        return Mono.fromCallable(() -> targets.checkedAddress(delivery.url()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(address -> address.isPresent()
                        ? post(delivery, address.get())
                        : Mono.just(AttemptOutcome.noAnswer(AttemptOutcome.REFUSED_TARGET)));
    }

    private Mono<AttemptOutcome> post(ClaimedDelivery delivery, InetAddress checked) {
        URI url = delivery.url();
        boolean secure = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : secure ? 443 : 80;
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpClient client = http
                // a path-only request URI makes the client connect to this address, not to the URL's host
                .remoteAddress(() -> pinned(url, checked, port))
                .headers(headers -> headers
                        .set(HttpHeaderNames.HOST, url.getRawAuthority().substring(
                                url.getRawAuthority().lastIndexOf('@') + 1))
                        .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                        .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                        .set(EVENT_ID, delivery.eventId())
                        .set(EVENT_TYPE, delivery.eventType())
                        .set(TIMESTAMP, Long.toString(timestamp))
                        .set(SIGNATURE, WebhookSignature.sign(delivery.secret(), timestamp, delivery.body())));
        return (secure ? client.secure() : client)
                .post()
                .uri(pathAndQuery(url))
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                .response()
                .map(response -> AttemptOutcome.answered(response.status().code()))
                .timeout(timeout)
                .onErrorResume(error -> {
                    String code = AttemptFailures.code(error);
                    log.info("Webhook delivery {} to {} not answered ({}): {}", delivery.id(), url.getHost(), code,
                            error.toString());
                    return Mono.just(AttemptOutcome.noAnswer(code));
                });
    }

    /**
     * The checked address, carrying the URL's host name: already resolved, so no resolver is asked again, while TLS
     * takes the name for SNI and the certificate check.
     */
    static InetSocketAddress pinned(URI url, InetAddress checked, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(WebhookTargets.hostOf(url), checked.getAddress()),
                    port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of the wrong length", e);
        }
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
