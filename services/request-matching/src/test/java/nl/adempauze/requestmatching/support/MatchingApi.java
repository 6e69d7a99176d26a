package nl.adempauze.requestmatching.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.Predicate;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.api.RequestView;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the request-matching integration tests do again and again: submit, read and wait for requests and events. */
public final class MatchingApi {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final WebTestClient web;

    public MatchingApi(WebTestClient web) {
        this.web = web;
    }

    /** Submits a request that must be accepted (201); returns its id. */
    public String submit(String body) {
        RequestView view = web.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(RequestView.class)
                .returnResult().getResponseBody();
        assertThat(view).isNotNull();
        return view.id();
    }

    public RequestView view(String requestId) {
        return web.get().uri("/api/v1/requests/{id}", requestId).exchange().expectStatus().isOk()
                .expectBody(RequestView.class).returnResult().getResponseBody();
    }

    public void awaitStatus(String requestId, String status) {
        await("request " + requestId + " " + status).atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> view(requestId).status(), status::equals);
    }

    /** The first recorded event of this type that {@code filter} picks, once it has arrived. */
    public static <T> T awaitFirst(TopicRecorder recorder, Class<T> type, Predicate<T> filter) {
        return await(type.getSimpleName()).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> recorder.payloads(type, filter), found -> !found.isEmpty())
                .get(0);
    }
}
