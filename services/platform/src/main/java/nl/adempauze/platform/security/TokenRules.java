package nl.adempauze.platform.security;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * What a token must say besides being well signed by the trusted issuer and not expired (the decoder checks those):
 * that it is meant for this installation ({@code aud} contains the configured audience, so a token the same issuer
 * made for another application is refused) and that it expires at all ({@code exp} present: a token without one
 * would be good forever). Applied on top of whichever decoder is configured, so no deployment can leave it out.
 */
public final class TokenRules {

    /** The audience the services expect unless {@code adempauze.security.audience} says otherwise. */
    public static final String DEFAULT_AUDIENCE = "adempauze";

    private TokenRules() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(audience)),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
    }

    /** The decoder, refusing (as a bad token: 401) any token that breaks {@link #validator(String)}. */
    public static ReactiveJwtDecoder requiringAudienceAndExpiry(ReactiveJwtDecoder decoder, String audience) {
        OAuth2TokenValidator<Jwt> rules = validator(audience);
        return token -> decoder.decode(token).flatMap(jwt -> {
            OAuth2TokenValidatorResult result = rules.validate(jwt);
            return result.hasErrors()
                    ? Mono.error(new JwtValidationException("The token is not for this service or never expires",
                    result.getErrors()))
                    : Mono.just(jwt);
        });
    }
}
