package nl.adempauze.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * The roles an endpoint needs at all, checked in the security filter chain: before the body is read or validated,
 * so a role that may never call it gets 403 whatever it sends (docs/SECURITY.md: the role is checked first). A
 * service declares them as a bean; the controllers still check everything finer (organisation, region, the
 * resource's owner). A caller without any of the roles is refused; one with several passes if any fits.
 */
public final class RoleRequirements {

    private record Requirement(HttpMethod method, String pathPattern, Role[] roles) {
    }

    private final List<Requirement> requirements = new ArrayList<>();

    /** {@code method} on paths matching {@code pathPattern} (Spring path pattern) needs one of {@code roles}. */
    public RoleRequirements require(HttpMethod method, String pathPattern, Role... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("Name at least one role for " + method + " " + pathPattern);
        }
        requirements.add(new Requirement(method, pathPattern, roles.clone()));
        return this;
    }

    void applyTo(AuthorizeExchangeSpec exchanges) {
        for (Requirement requirement : requirements) {
            exchanges.pathMatchers(requirement.method(), requirement.pathPattern())
                    .hasAnyRole(Arrays.stream(requirement.roles()).map(Role::name).toArray(String[]::new));
        }
    }
}
