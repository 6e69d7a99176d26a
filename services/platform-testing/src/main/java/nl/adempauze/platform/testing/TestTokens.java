package nl.adempauze.platform.testing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Bearer tokens for tests, signed by a key made for this JVM; {@link RealInfrastructureInitializer} makes every
 * service context under test trust exactly that key (and nothing else). Claims as a real issuer sets them:
 * {@code roles}, {@code org} (referrer organisation or provider id) and {@code regions} (coordinators), for the
 * audience {@code adempauze}, expiring in two hours.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.adempauze.invalid";
    /** The audience the services expect by default ({@code adempauze.security.audience}). */
    public static final String AUDIENCE = "adempauze";
    private static final KeyPair KEYS = newKeyPair();
    private static final JwtEncoder ENCODER = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(
            new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).privateKey((RSAPrivateKey) KEYS.getPrivate())
                    .keyID("test").build())));

    private TestTokens() {
    }

    public static String referrer(String organisation) {
        return token("referrer@" + organisation, List.of("REFERRER"), organisation, List.of());
    }

    public static String provider(String providerId) {
        return token("planner@" + providerId, List.of("PROVIDER"), providerId, List.of());
    }

    public static String coordinator(String... regions) {
        return token("coordinator@" + String.join("+", regions), List.of("COORDINATOR"), "coordinatiepunt",
                List.of(regions));
    }

    public static String admin() {
        return token("admin", List.of("ADMIN"), "beheer", List.of());
    }

    /** A token with any claims; {@code organisation} may be null. */
    public static String token(String subject, List<String> roles, String organisation, List<String> regions) {
        return token(subject, roles, organisation, regions, Instant.now().plus(Duration.ofHours(2)));
    }

    /** A token that expires at {@code expiresAt} (in the past for an expired one). */
    public static String token(String subject, List<String> roles, String organisation, List<String> regions,
                               Instant expiresAt) {
        return token(subject, roles, organisation, regions, claims -> claims.expiresAt(expiresAt)
                .issuedAt(expiresAt.minus(Duration.ofHours(2))));
    }

    /**
     * A token with any claims, then {@code change} applied to them: e.g. another audience, or without
     * {@code exp} ({@code claims -> claims.claims(all -> all.remove("exp"))}).
     */
    public static String token(String subject, List<String> roles, String organisation, List<String> regions,
                               Consumer<JwtClaimsSet.Builder> change) {
        Instant expiresAt = Instant.now().plus(Duration.ofHours(2));
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(subject)
                .issuedAt(expiresAt.minus(Duration.ofHours(2)))
                .expiresAt(expiresAt)
                .claim("name", subject)
                .claim("roles", roles)
                .claim("regions", regions);
        if (organisation != null) {
            claims.claim("org", organisation);
        }
        change.accept(claims);
        return ENCODER.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.build())).getTokenValue();
    }

    /** Sets the token as the request's bearer token: {@code .headers(TestTokens.as(token))}. */
    public static Consumer<HttpHeaders> as(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    /** Trusts the tokens above, and only those. */
    public static ReactiveJwtDecoder decoder() {
        return NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
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
