package nl.adempauze.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.adempauze.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Refusals are problems whatever the client accepts and however the body was sent. */
class ProblemResponsesTest {

    @RestController
    static class Endpoints {

        @PostMapping("/api/v1/things")
        Mono<Map<String, Object>> post(@RequestBody Map<String, Object> body) {
            return Mono.just(body);
        }

        @PostMapping("/api/v1/later")
        Mono<Map<String, Object>> postLater(@RequestBody Mono<Map<String, Object>> body) {
            return body;
        }

        @GetMapping("/api/v1/rooms/{id}")
        Mono<String> room(@org.springframework.web.bind.annotation.PathVariable String id) {
            return Mono.error(switch (id) {
                case "gone" -> DomainException.notFound("Room", id);
                case "bad" -> DomainException.invalidField("beds", "beds must be 0 or more");
                case "busy" -> DomainException.conflict("Room taken", "Room busy is taken");
                default -> DomainException.forbidden("not your room");
            });
        }

        @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        Flux<String> stream() {
            throw DomainException.forbidden("not your region");
        }
    }

    private final WebTestClient web = WebTestClient.bindToController(new Endpoints())
            .controllerAdvice(new ProblemResponses())
            .httpMessageCodecs(codecs -> codecs.defaultCodecs().maxInMemorySize(1024))
            .build();

    @Test
    void aStreamsClientGetsAProblemNotAnEventFrame() {
        web.get().uri("/api/v1/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("not your region");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"gone,404", "bad,400", "busy,409", "other,403"})
    void aDomainRefusalIsAProblemWithTheStatusOfItsKind(String id, int status) {
        web.get().uri("/api/v1/rooms/" + id).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isNotEmpty();
    }

    @Test
    void aDomainRefusalOfOneFieldNamesIt() {
        web.get().uri("/api/v1/rooms/bad").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("beds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/things", "/api/v1/later"})
    void aBodyWithoutADeclaredLengthOverTheLimitIs413WithADetail(String uri) {
        Flux<DataBuffer> chunks = Flux.range(0, 40).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(("{\"k" + i + "\":\"" + "x".repeat(60) + "\",").getBytes(StandardCharsets.UTF_8)));
        web.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Request too large")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("larger than accepted"));
    }
}
