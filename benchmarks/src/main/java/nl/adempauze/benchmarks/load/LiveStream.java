package nl.adempauze.benchmarks.load;

import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One open live stream ({@code GET /api/v1/live}, Server-Sent Events) as a dashboard reads it, handing every event
 * on with the moment it arrived. The stream is open (its "connected" comment read) before {@link #open} returns, as
 * the feed starts from the latest event.
 */
public final class LiveStream implements AutoCloseable {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private final Disposable subscription;
    private volatile Consumer<Notified> listener = event -> { };

    private LiveStream(WebClient web, String url, String bearer) {
        Sinks.Empty<Void> connected = Sinks.empty();
        subscription = web.get().uri(url)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(SSE)
                .subscribe(event -> {
                    if (event.data() == null) {
                        connected.tryEmitEmpty();
                        return;
                    }
                    listener.accept(Notified.parse(event.data(), System.nanoTime()));
                }, error -> connected.tryEmitError(error));
        Mono<Void> open = connected.asMono();
        open.block(Duration.ofSeconds(30));
    }

    /** Opens the stream at {@code url} (with its filters) for the holder of {@code bearer}. */
    public static LiveStream open(WebClient web, String url, String bearer) {
        return new LiveStream(web, url, bearer);
    }

    public void onEvent(Consumer<Notified> listener) {
        this.listener = listener;
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
