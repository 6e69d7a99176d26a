package nl.adempauze.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;

/** A body larger than the limit is refused with 413 before anything reads it. */
class BodySizeLimitTest {

    private final WebTestClient web = WebTestClient
            .bindToWebHandler(exchange -> {
                exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
                return exchange.getResponse().setComplete();
            })
            .webFilter(new BodySizeLimit(DataSize.ofKilobytes(1)))
            .build();

    @Test
    void refusesABodyOverTheLimitAndLetsOneAtTheLimitThrough() {
        web.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).bodyValue("x".repeat(1025))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.title").isEqualTo("Request too large");
        web.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).bodyValue("x".repeat(1024))
                .exchange()
                .expectStatus().isNoContent();
    }
}
