package nl.adempauze.notification.messaging;

import io.netty.channel.ChannelOption;
import java.util.Map;
import nl.adempauze.notification.PagingProperties;
import nl.adempauze.notification.application.SmsGateway;
import nl.adempauze.notification.domain.AttemptOutcome;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * A generic JSON-over-HTTPS SMS gateway, the shape of the common Dutch and European providers: {@code POST <url>}
 * with {@code {"to": "+316...", "text": "...", "reference": "<message id>"}} and {@code Authorization: Bearer
 * <api key>}; any 2xx means accepted. Configured by {@code adempauze.paging.sms.url} and {@code .api-key}.
 */
@Component
public class HttpSmsGateway implements SmsGateway {

    private final PagingProperties.Sms settings;
    private final WebClient web;

    public HttpSmsGateway(PagingProperties properties) {
        this.settings = properties.sms();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.timeout().toMillis())
                .responseTimeout(settings.timeout())
                .followRedirect(false);
        this.web = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    @Override
    public Mono<AttemptOutcome> send(String to, String text, String reference) {
        if (settings.url() == null || settings.url().isBlank()) {
            return Mono.just(AttemptOutcome.noAnswer("No SMS gateway configured (adempauze.paging.sms.url)"));
        }
        return web.post()
                .uri(settings.url())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
                        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey());
                    }
                })
                .bodyValue(Map.of("to", to, "text", text, "reference", reference))
                .exchangeToMono(response -> response.releaseBody()
                        .thenReturn(AttemptOutcome.answered(response.statusCode().value())))
                .timeout(settings.timeout())
                .onErrorResume(error -> Mono.just(AttemptOutcome.noAnswer(SmtpPageMail.describe(error))));
    }
}
