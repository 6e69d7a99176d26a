package nl.adempauze.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The one API path without a bearer token: {@code GET /api/v1/pages/ack?token=...}, the acknowledgement link in a
 * page's e-mail and SMS, opened on a phone at night without signing in. The signed token is the credential (see
 * {@code domain.AcknowledgeToken}); everything else keeps the platform's rules.
 */
@Configuration(proxyBeanMethods = false)
public class AcknowledgeLinkSecurity {

    public static final String PATH = "/api/v1/pages/ack";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain acknowledgeLinks(ServerHttpSecurity http) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, PATH))
                // nothing to remember between requests: no session
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }
}
