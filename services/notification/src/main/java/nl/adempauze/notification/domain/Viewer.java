package nl.adempauze.notification.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.adempauze.platform.security.Role;

/**
 * Someone events are shown to: a signed-in caller acting in one role, or the owner a subscription was made for.
 * A referrer or provider acts for its organisation (a referrer organisation or a provider id), a coordinator for
 * its regions. ADMIN is never a viewer: administrators configure regions and read the audit log, they are not
 * told about requests.
 *
 * @param role         REFERRER, PROVIDER or COORDINATOR
 * @param organisation the referrer organisation or provider id (for coordinators: informative only)
 * @param regions      the coordinated regions; empty for referrers and providers
 * @param subject      the user who signed in (for a subscription: who made it)
 */
public record Viewer(Role role, String organisation, Set<String> regions, String subject) {

    public Viewer {
        Objects.requireNonNull(role, "role");
        if (role == Role.ADMIN) {
            throw new IllegalArgumentException("ADMIN is not told about events");
        }
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        if (role == Role.COORDINATOR ? regions.isEmpty() : organisation == null || organisation.isBlank()) {
            throw new IllegalArgumentException(role == Role.COORDINATOR ? "A coordinator needs regions"
                    : "A " + role + " needs an organisation");
        }
        if (role != Role.COORDINATOR) {
            regions = Set.of();
        }
    }

    public static Viewer referrer(String organisation, String subject) {
        return new Viewer(Role.REFERRER, organisation, Set.of(), subject);
    }

    public static Viewer provider(String providerId, String subject) {
        return new Viewer(Role.PROVIDER, providerId, Set.of(), subject);
    }

    public static Viewer coordinator(Set<String> regions, String organisation, String subject) {
        return new Viewer(Role.COORDINATOR, organisation, regions, subject);
    }

    public boolean is(Role wanted) {
        return role == wanted;
    }

    /** A coordinator of this region. */
    public boolean coordinates(String region) {
        return role == Role.COORDINATOR && region != null && regions.contains(region);
    }

    /** A referrer or provider acting for this organisation. */
    public boolean actsFor(Role wanted, String organisationOrProvider) {
        return role == wanted && organisationOrProvider != null && organisationOrProvider.equals(organisation);
    }

    /** The regions in a stable order, for storing and showing. */
    public TreeSet<String> sortedRegions() {
        return new TreeSet<>(regions);
    }

    /**
     * Whether this viewer may see, change and read the log of a subscription made for {@code owner}: the same
     * organisation in the same role, or, for coordinators, a subscription whose regions are all theirs (so a
     * coordinator never manages a subscription that receives events of a region they do not coordinate).
     */
    public boolean manages(Viewer owner) {
        if (owner == null || owner.role != role) {
            return false;
        }
        if (role == Role.COORDINATOR) {
            return !owner.regions.isEmpty() && regions.containsAll(owner.regions);
        }
        return organisation.equals(owner.organisation);
    }

    /**
     * Why this viewer may not narrow to {@code scope}; empty when the scope stays within its reach. A scope can
     * only narrow what a viewer sees, never widen it, so asking for someone else's part is refused rather than
     * silently answered with nothing:
     * <ul>
     *   <li>a coordinator may name only regions it coordinates;</li>
     *   <li>a provider may name only itself as provider;</li>
     *   <li>a referrer may name only requests its organisation submitted, a coordinator only requests of its
     *       regions; a request notification has not heard of (yet) counts as not theirs, so the answer does not
     *       tell whether another organisation's request exists.</li>
     * </ul>
     * Everything else only narrows: the locations, capacity and region configuration are the shared picture, and
     * a provider is told only of events naming it, whichever request it names.
     *
     * @param request the request named by {@code scope.requestId()}, as notification knows it; null if unknown
     */
    public Optional<String> refusalOf(Scope scope, KnownRequest request) {
        if (scope.region() != null && role == Role.COORDINATOR && !coordinates(scope.region())) {
            return Optional.of("Region '" + scope.region() + "' is not one of your regions");
        }
        if (scope.providerId() != null && role == Role.PROVIDER && !actsFor(Role.PROVIDER, scope.providerId())) {
            return Optional.of("Provider '" + scope.providerId() + "' is not your organisation");
        }
        if (scope.requestId() != null && role != Role.PROVIDER) {
            boolean own = request != null && scope.requestId().equals(request.requestId())
                    && (role == Role.REFERRER ? actsFor(Role.REFERRER, request.referrerOrganisation())
                    : coordinates(request.region()));
            if (!own) {
                return Optional.of("Request '" + scope.requestId() + "' is not one of "
                        + (role == Role.REFERRER ? "your organisation's requests" : "your regions' requests"));
            }
        }
        return Optional.empty();
    }
}
