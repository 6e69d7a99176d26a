package nl.adempauze.platform.security;

import nl.adempauze.platform.web.BodySizeLimit;
import nl.adempauze.platform.web.ProblemWriter;
import nl.adempauze.platform.web.RateLimiting;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Every service's API takes bearer tokens (OAuth2/OIDC JWT) from the configured issuer; the token's {@code roles},
 * {@code org} and {@code regions} claims say who may do what (checked where the resource is known, in each
 * service's {@code api} package). Health and documents stay open; anything under {@code /api/} needs a token, and
 * the other actuator endpoints (metrics, prometheus) a token with role ADMIN. A token must name this installation's
 * audience and expire ({@link TokenRules}); a service may require roles per endpoint before any body is read
 * ({@link RoleRequirements}).
 * Also: a body size limit and rate limiting per client.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration"},
        afterName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration")
@EnableWebFluxSecurity
public class PlatformSecurityAutoConfiguration {

    /** Set by the local profile only: tokens from the local stack's development issuer are trusted. */
    public static final String DEV_ISSUER_ENABLED = "adempauze.security.dev-issuer.enabled";
    public static final String LOCAL_PROFILE = "local";
    /** The audience ({@code aud}) every token must name; see {@link TokenRules}. */
    public static final String AUDIENCE = "adempauze.security.audience";

    @Bean
    SecurityWebFilterChain adempauzeApiSecurity(ServerHttpSecurity http, ObjectProvider<ReactiveJwtDecoder> decoders,
                                                RateLimiting rateLimiting, ObjectProvider<RoleRequirements> roles,
                                                @Value("${" + AUDIENCE + ":" + TokenRules.DEFAULT_AUDIENCE + "}")
                                                String audience) {
        ReactiveJwtDecoder configured = decoders.getIfAvailable();
        if (configured == null) {
            throw new IllegalStateException("No token issuer is configured: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (and jwk-set-uri) to the OIDC issuer, "
                    + "or run the local stack (profile 'local') with its development issuer");
        }
        ReactiveJwtDecoder decoder = TokenRules.requiringAudienceAndExpiry(configured, audience);
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Caller.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(authorities);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                // every request carries its own token: no session
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> {
                    // roles an endpoint needs at all, before its body is read (see RoleRequirements)
                    roles.orderedStream().forEach(requirements -> requirements.applyTo(exchanges));
                    exchanges
                            .pathMatchers("/api/**").authenticated()
                            // probes stay open; every other actuator endpoint (metrics, prometheus, info) is for admins
                            .matchers(EndpointRequest.to("health")).permitAll()
                            .matchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.ADMIN.name())
                            .anyExchange().permitAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(authentication)))
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .addFilterAfter(rateLimiting, SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    private static ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, failure) -> {
            boolean tokenGiven = exchange.getRequest().getHeaders().containsHeader("Authorization");
            exchange.getResponse().getHeaders().set("WWW-Authenticate",
                    tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
            return ProblemWriter.write(exchange, HttpStatus.UNAUTHORIZED, "Sign-in required",
                    tokenGiven ? "The bearer token is not valid: " + failure.getMessage()
                            : "This API needs a bearer token (Authorization: Bearer ...)");
        };
    }

    private static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> ProblemWriter.write(exchange, HttpStatus.FORBIDDEN, "Not allowed",
                "Your role may not do this");
    }

    @Bean
    RateLimiting rateLimiting(@Value("${adempauze.rate-limit.requests-per-second:20}") long requestsPerSecond,
                              @Value("${adempauze.rate-limit.burst:100}") long burst) {
        return new RateLimiting(requestsPerSecond, burst);
    }

    /** First of all filters, so an oversized body is refused before anything reads it. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    BodySizeLimit bodySizeLimit(@Value("${adempauze.web.max-body-size:64KB}") DataSize limit) {
        return new BodySizeLimit(limit);
    }

    /**
     * The signed-in {@link Caller} as a controller parameter; and a body sent without a declared length held to
     * the same limit as {@link BodySizeLimit} holds one with (server side only: clients may read larger answers).
     */
    @Bean
    WebFluxConfigurer callerArgumentsAndBodyLimit(@Value("${adempauze.web.max-body-size:64KB}") DataSize limit) {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver());
            }

            @Override
            public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
                configurer.defaultCodecs().maxInMemorySize((int) limit.toBytes());
            }
        };
    }

    /** The development issuer signs tokens for anyone who asks: it must never be trusted outside the local stack. */
    @Bean
    InitializingBean devIssuerOnlyInLocalProfile(Environment environment) {
        return () -> {
            if (environment.getProperty(DEV_ISSUER_ENABLED, Boolean.class, false)
                    && !environment.matchesProfiles(LOCAL_PROFILE)) {
                throw new IllegalStateException(DEV_ISSUER_ENABLED + " is set but the '" + LOCAL_PROFILE
                        + "' profile is not active: the development issuer is for the local stack only");
            }
        };
    }
}
