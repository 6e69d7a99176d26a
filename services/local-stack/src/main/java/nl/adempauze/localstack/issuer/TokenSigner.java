package nl.adempauze.localstack.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.platform.PlatformDefaults;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.security.TokenRules;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs the development issuer's tokens with an RSA key made at start (so a restart invalidates every token handed
 * out before), and publishes the public half as a JWK set for the services to check signatures with.
 */
public final class TokenSigner {

    /** Every token names this issuer ({@code iss}), which the services in the local profile expect. */
    public static final String ISSUER = PlatformDefaults.DEV_ISSUER;

    private final RSAKey key;
    private final JwtEncoder encoder;
    private final Duration lifetime;
    private final Clock clock;

    public TokenSigner(Duration lifetime, Clock clock) {
        KeyPair pair = newKeyPair();
        this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID("dev-" + UUID.randomUUID())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
                .build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * A signed token for the user: {@code sub}, {@code name}, {@code roles}, {@code org}, {@code regions}, for the
     * services' default audience ({@code aud}), expiring after the lifetime.
     */
    public String sign(DemoUser user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(TokenRules.DEFAULT_AUDIENCE))
                .subject(user.id())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(lifetime))
                .claim(Caller.NAME, user.name())
                .claim(Caller.ROLES, user.roles())
                .claim(Caller.ORGANISATION, user.org())
                .claim(Caller.REGIONS, user.regions())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** The public key set (no private parts), as served at {@code /auth/jwks}. */
    public Map<String, Object> publicJwkSet() {
        return new JWKSet(key).toPublicJWKSet().toJSONObject();
    }

    public Duration lifetime() {
        return lifetime;
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
