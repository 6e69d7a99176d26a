package nl.adempauze.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Well signed tokens that are not for this service, or never expire, are refused as bad tokens (hence 401). */
class TokenRulesTest {

    private static final KeyPair KEYS = keys();
    private static final ReactiveJwtDecoder DECODER = TokenRules.requiringAudienceAndExpiry(
            NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build(), "adempauze");

    @Test
    void aTokenForThisAudienceThatExpiresIsAccepted() {
        assertThat(DECODER.decode(token(claims -> { })).block().getSubject()).isEqualTo("someone");
        assertThat(DECODER.decode(token(claims -> claims.audience(List.of("other-app", "adempauze")))).block())
                .isNotNull();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(token(claims -> claims.audience(List.of("other-app"))));
    }

    @Test
    void aTokenWithoutAudienceIsRefused() {
        assertRefused(token(claims -> claims.claims(all -> all.remove("aud"))));
    }

    @Test
    void aTokenThatNeverExpiresIsRefused() {
        assertRefused(token(claims -> claims.claims(all -> all.remove("exp"))));
    }

    @Test
    void anExpiredTokenIsStillRefused() {
        assertRefused(token(claims -> claims.issuedAt(Instant.now().minus(Duration.ofHours(3)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1)))));
    }

    private static void assertRefused(String token) {
        assertThatThrownBy(() -> DECODER.decode(token).block()).isInstanceOf(BadJwtException.class);
    }

    private static String token(Consumer<JwtClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject("someone").issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(1))).audience(List.of("adempauze"));
        change.accept(claims);
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(
                new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).privateKey((RSAPrivateKey) KEYS.getPrivate())
                        .keyID("test").build())));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.build())).getTokenValue();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
