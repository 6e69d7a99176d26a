package nl.adempauze.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the token's issuer vouches for it: the user, their roles, the organisation they act for (a
 * referrer organisation or a provider) and, for coordinators, the regions they coordinate.
 */
public record Caller(String subject, String name, Set<Role> roles, String organisation, Set<String> regions) {

    /** Claim names; {@code sub} and {@code name} are the standard OIDC ones. */
    public static final String ROLES = "roles";
    public static final String ORGANISATION = "org";
    public static final String REGIONS = "regions";
    public static final String NAME = "name";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        regions = Set.copyOf(regions);
    }

    public static Caller of(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(jwt.getClaimAsStringList(ROLES))) {
            for (Role known : Role.values()) {
                if (known.name().equals(role)) {
                    roles.add(known);
                }
            }
        }
        String name = jwt.getClaimAsString(NAME);
        return new Caller(jwt.getSubject(), name == null ? jwt.getSubject() : name, roles,
                jwt.getClaimAsString(ORGANISATION), new TreeSet<>(strings(jwt.getClaimAsStringList(REGIONS))));
    }

    private static Collection<String> strings(List<String> claim) {
        return claim == null ? List.of() : claim;
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** A coordinator of this region. */
    public boolean coordinates(String region) {
        return is(Role.COORDINATOR) && region != null && regions.contains(region);
    }

    /** A referrer acting for this referrer organisation. */
    public boolean refersFor(String referrerOrganisation) {
        return is(Role.REFERRER) && organisation != null && organisation.equals(referrerOrganisation);
    }

    /** A provider's user acting for this provider. */
    public boolean providesFor(String providerId) {
        return is(Role.PROVIDER) && organisation != null && organisation.equals(providerId);
    }

    /** The one role shown in audit records and logs: the most powerful one the caller holds. */
    public Role mainRole() {
        for (Role role : List.of(Role.ADMIN, Role.COORDINATOR, Role.PROVIDER, Role.REFERRER)) {
            if (is(role)) {
                return role;
            }
        }
        return null;
    }
}
