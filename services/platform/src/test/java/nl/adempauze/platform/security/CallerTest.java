package nl.adempauze.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** What a token's claims make of its bearer. */
class CallerTest {

    @Test
    void readsRolesOrganisationAndRegionsIgnoringUnknownRoles() {
        Caller caller = Caller.of(jwt(List.of("COORDINATOR", "SUPERUSER"), "coordinatiepunt-drenthe",
                List.of("drenthe")));

        assertThat(caller.roles()).containsExactly(Role.COORDINATOR);
        assertThat(caller.coordinates("drenthe")).isTrue();
        assertThat(caller.coordinates("groningen")).isFalse();
        assertThat(caller.providesFor("coordinatiepunt-drenthe")).isFalse();
        assertThat(caller.mainRole()).isEqualTo(Role.COORDINATOR);
    }

    @Test
    void aProviderActsOnlyForItsOwnOrganisationAndARegionClaimMakesNoCoordinator() {
        Caller caller = Caller.of(jwt(List.of("PROVIDER"), "zorggroep-drentse-aa", List.of("drenthe")));

        assertThat(caller.providesFor("zorggroep-drentse-aa")).isTrue();
        assertThat(caller.providesFor("stichting-vechtzorg")).isFalse();
        assertThat(caller.refersFor("zorggroep-drentse-aa")).isFalse();
        assertThat(caller.coordinates("drenthe")).isFalse();
    }

    @Test
    void aTokenWithoutClaimsMayDoNothing() {
        Caller caller = Caller.of(Jwt.withTokenValue("t").header("alg", "RS256").subject("nobody")
                .issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(60)).build());

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.mainRole()).isNull();
        assertThat(caller.refersFor(null)).isFalse();
        assertThat(caller.providesFor(null)).isFalse();
    }

    private static Jwt jwt(List<String> roles, String organisation, List<String> regions) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("user-1").claim("roles", roles)
                .claim("org", organisation).claim("regions", regions)
                .issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(60)).build();
    }
}
