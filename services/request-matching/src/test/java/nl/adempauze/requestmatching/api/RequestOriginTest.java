package nl.adempauze.requestmatching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Where a call comes from: the token's client, and the address a trusted front door was told (else the peer). */
class RequestOriginTest {

    private final RequestOriginFilter filter = new RequestOriginFilter(List.of("127.0.0.1", "10.0.0.5"));

    @Test
    void theClientIsTheAuthorizedPartyElseTheClientIdElseTheSubject() {
        assertThat(TokenClient.of(jwt().claim("azp", "ziekenhuis-app").claim("client_id", "other").build()))
                .isEqualTo("ziekenhuis-app");
        assertThat(TokenClient.of(jwt().claim("client_id", "huisarts-systeem").build())).isEqualTo("huisarts-systeem");
        assertThat(TokenClient.of(jwt().build())).isEqualTo("referrer@huisartsenpost");
    }

    @Test
    void forwardedAddressesCountOnlyFromATrustedProxy() {
        assertThat(filter.address("10.0.0.5", "198.51.100.23, 203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(filter.address("10.0.0.5", "203.0.113.9, 127.0.0.1")).isEqualTo("203.0.113.9");
        assertThat(filter.address("10.0.0.5", null)).isEqualTo("10.0.0.5");
        // anyone else may put anything in the header: the peer it is
        assertThat(filter.address("192.0.2.77", "203.0.113.9")).isEqualTo("192.0.2.77");
    }

    private static Jwt.Builder jwt() {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("referrer@huisartsenpost")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
    }
}
