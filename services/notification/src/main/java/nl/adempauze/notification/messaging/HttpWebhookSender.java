package nl.adempauze.notification.messaging;

import io.netty.channel.ChannelOption;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import nl.adempauze.notification.WebhookProperties;
import nl.adempauze.notification.application.WebhookSender;
import nl.adempauze.notification.domain.AttemptOutcome;
import nl.adempauze.notification.domain.ClaimedDelivery;
import nl.adempauze.notification.domain.WebhookSignature;
import nl.adempauze.notification.domain.WebhookTargets;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * A webhook attempt as one signed HTTP POST of the delivery's body to its subscriber, never following redirects.
 * It sits in messaging beside the Kafka listeners: both carry events between this service and other systems.
 * See {@link WebhookSignature} for how receivers verify {@code X-Adempauze-Signature}.
 */
@Component
public class HttpWebhookSender implements WebhookSender {

    public static final String EVENT_ID = "X-Adempauze-Event-Id";
    public static final String EVENT_TYPE = "X-Adempauze-Event-Type";
    public static final String TIMESTAMP = "X-Adempauze-Timestamp";
    public static final String SIGNATURE = "X-Adempauze-Signature";

    private final WebClient web;
    private final WebhookTargets targets;
    private final Duration timeout;
    private final Clock clock;

    public HttpWebhookSender(WebhookProperties properties, Clock clock) {
        this.timeout = properties.timeout();
        this.targets = properties.targets();
        this.clock = clock;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout)
                .followRedirect(false);
        this.web = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    @Override
    public Mono<AttemptOutcome> send(ClaimedDelivery delivery) {
        // checked again at every attempt: the host may resolve elsewhere than when the subscription was made
        return Mono.fromCallable(() -> targets.refusal(delivery.url()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(refusal -> refusal.isPresent()
                        ? Mono.just(AttemptOutcome.noAnswer("Not sent: " + refusal.get()))
                        : post(delivery));
    }

    private Mono<AttemptOutcome> post(ClaimedDelivery delivery) {
        long timestamp = clock.instant().getEpochSecond();
        return web.post()
                .uri(delivery.url())
                .contentType(MediaType.APPLICATION_JSON)
                .header(EVENT_ID, delivery.eventId())
                .header(EVENT_TYPE, delivery.eventType())
                .header(TIMESTAMP, Long.toString(timestamp))
                .header(SIGNATURE, WebhookSignature.sign(delivery.secret(), timestamp, delivery.body()))
                .bodyValue(delivery.body().getBytes(StandardCharsets.UTF_8))
                .exchangeToMono(response -> response.releaseBody()
                        .thenReturn(AttemptOutcome.answered(response.statusCode().value())))
                .timeout(timeout)
                .onErrorResume(error -> Mono.just(AttemptOutcome.noAnswer(describe(error))));
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
