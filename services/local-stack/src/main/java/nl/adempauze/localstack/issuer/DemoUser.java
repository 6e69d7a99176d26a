package nl.adempauze.localstack.issuer;

import java.util.List;
import nl.adempauze.platform.security.Role;

/**
 * One demo user of the development issuer: the claims its token carries ({@code sub} = id, {@code name},
 * {@code roles}, {@code org}, {@code regions}) and a line saying who it is. Every demo user's secret is
 * {@link DemoUsers#SECRET}.
 */
public record DemoUser(String id, String name, String description, List<String> roles, String org,
                       List<String> regions) {

    public DemoUser {
        require(id != null && id.matches("[a-z0-9][a-z0-9-]*"), id, "an id of lower-case letters, digits and '-'");
        require(name != null && !name.isBlank(), id, "a name");
        description = description == null ? "" : description;
        roles = roles == null ? List.of() : List.copyOf(roles);
        regions = regions == null ? List.of() : List.copyOf(regions);
        require(!roles.isEmpty(), id, "at least one role");
        for (String role : roles) {
            require(known(role), id, "roles among REFERRER, PROVIDER, COORDINATOR, ADMIN (not " + role + ")");
        }
        require(org != null && !org.isBlank(), id, "an org (referrer organisation or provider id)");
        require(!roles.contains(Role.COORDINATOR.name()) || !regions.isEmpty(), id,
                "the regions it coordinates (a COORDINATOR)");
    }

    public boolean has(Role role) {
        return roles.contains(role.name());
    }

    private static boolean known(String role) {
        for (Role known : Role.values()) {
            if (known.name().equals(role)) {
                return true;
            }
        }
        return false;
    }

    private static void require(boolean condition, String id, String what) {
        if (!condition) {
            throw new IllegalArgumentException("Demo user '" + id + "' needs " + what);
        }
    }
}
