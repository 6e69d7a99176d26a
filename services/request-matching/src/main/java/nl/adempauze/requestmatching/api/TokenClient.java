package nl.adempauze.requestmatching.api;

import java.security.Principal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The client a caller's token was issued to, for the audit trail: {@code azp} (OIDC authorized party), else
 * {@code client_id} (RFC 9068), else the subject (a client-credentials token's subject is its client).
 */
final class TokenClient {

    private TokenClient() {
    }

    static String of(Principal principal) {
        return principal instanceof JwtAuthenticationToken token ? of(token.getToken()) : null;
    }

    static String of(Jwt jwt) {
        for (String claim : new String[] {"azp", "client_id"}) {
            String value = jwt.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return jwt.getSubject();
    }
}
