package nl.adempauze.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Text and addresses that PostgreSQL could not store as sent are refused before anything else sees them. */
class StorableTextTest {

    @Test
    void storableTextHasNoNulAndOnlyPairedSurrogates() {
        assertThat(StorableText.isStorable("Zuidlaren, Stationsweg 3 — logeerhuis 😴")).isTrue();
        assertThat(StorableText.isStorable("")).isTrue();
        assertThat(StorableText.isStorable("naam\u0000")).isFalse();
        assertThat(StorableText.isStorable("\ud800naam")).isFalse();
        assertThat(StorableText.isStorable("naam\udc00")).isFalse();
        assertThat(StorableText.isStorable("naam\ud83d")).isFalse();
    }

    @Test
    void anAddressWithANulCharacterIsRefusedWithAProblem() {
        WebTestClient web = WebTestClient.bindToWebHandler(exchange -> {
            exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
            return exchange.getResponse().setComplete();
        }).webFilter(new StorableAddress()).build();

        web.get().uri(URI.create("/api/v1/requests/abc%00def")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.title").isEqualTo("Invalid address");
        web.get().uri(URI.create("/api/v1/live?requestId=x%00")).exchange().expectStatus().isBadRequest();
        web.get().uri("/api/v1/requests/abc").exchange().expectStatus().isNoContent();
    }
}
