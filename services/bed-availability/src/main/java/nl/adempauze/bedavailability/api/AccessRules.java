package nl.adempauze.bedavailability.api;

import java.util.Objects;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.security.Role;
import nl.adempauze.platform.domain.DomainException;

/**
 * Who may do what in bed-availability: the service's rows of the matrix in {@code docs/SECURITY.md}, decided from
 * the caller and the provider and region a location or hold belongs to. Plain Java without lookups:
 * {@link Access} finds the resource and asks here.
 * <ul>
 *   <li>Regions, locations and capacity are the region's shared picture: every signed-in role reads them.</li>
 *   <li>A location's capacity (free now and per night) and its status are changed by its own provider only;
 *       another provider, or any other role, is refused with 403.</li>
 *   <li>A hold is read by its provider (the provider of its location) and by coordinators of its region, and its
 *       admission and discharge are confirmed by its provider only. A hold concerns a patient: one that is not the
 *       caller's is answered with 404, as if it did not exist.</li>
 *   <li>A region's configuration, locations, funders and providers are administered by an ADMIN whose token names
 *       the region (claim {@code regions}); an administrator of other regions gets 403.</li>
 * </ul>
 * The role is checked first: a role that may never do something gets 403, whether the resource exists or not
 * ({@link #byRole}).
 */
public final class AccessRules {

    private AccessRules() {
    }

    /** What a caller asks to do. */
    public enum Action {
        /** {@code GET} a region, its locations, a location, the region's capacity or its calendar. */
        READ_SHARED("Reading regions, locations and capacity needs a role (REFERRER, PROVIDER, COORDINATOR or ADMIN)"),
        /** {@code PUT} free beds now or per night, or a location's status. */
        CHANGE_LOCATION("Only a provider publishes capacity and opens or closes locations, each its own"),
        /** {@code GET} a hold. */
        READ_HOLD("Only the hold's provider or a coordinator of its region reads a hold"),
        /** {@code POST} admission or discharge of a hold. */
        CONFIRM_STAY("Only the hold's provider confirms admission and discharge"),
        /** {@code GET} a region's occupancy over a period. */
        READ_OCCUPANCY("Only a coordinator of the region or an admin reads its occupancy"),
        /** Change a region's configuration, its locations, funders and providers, or read its administration log. */
        ADMINISTER("Only an administrator of the region changes its configuration and locations");

        private final String refusal;

        Action(String refusal) {
            this.refusal = refusal;
        }
    }

    /** The answer: allowed, 403 (with why) or 404 (the resource is not revealed). */
    public enum Outcome {
        ALLOWED, FORBIDDEN, NOT_FOUND
    }

    public record Decision(Outcome outcome, String reason) {

        private static final Decision ALLOWED = new Decision(Outcome.ALLOWED, null);

        public Decision {
            Objects.requireNonNull(outcome);
        }

        static Decision forbidden(String reason) {
            return new Decision(Outcome.FORBIDDEN, reason);
        }

        static Decision hidden() {
            return new Decision(Outcome.NOT_FOUND, null);
        }

        public boolean allowed() {
            return outcome == Outcome.ALLOWED;
        }

        /**
         * Throws the refusal as a problem: 403 with the reason, or 404 for {@code what} {@code id} exactly as if it
         * did not exist.
         */
        public void enforce(String what, String id) {
            if (outcome == Outcome.FORBIDDEN) {
                throw DomainException.forbidden(reason);
            }
            if (outcome == Outcome.NOT_FOUND) {
                throw DomainException.notFound(what, id);
            }
        }
    }

    /** Whether the caller's roles allow the action at all, before the resource is looked up. */
    public static Decision byRole(Caller caller, Action action) {
        boolean may = switch (action) {
            case READ_SHARED -> caller.is(Role.REFERRER) || caller.is(Role.PROVIDER) || caller.is(Role.COORDINATOR)
                    || caller.is(Role.ADMIN);
            case CHANGE_LOCATION, CONFIRM_STAY -> caller.is(Role.PROVIDER);
            case READ_HOLD -> caller.is(Role.PROVIDER) || caller.is(Role.COORDINATOR);
            case READ_OCCUPANCY -> caller.is(Role.COORDINATOR) || caller.is(Role.ADMIN);
            case ADMINISTER -> caller.is(Role.ADMIN);
        };
        return may ? Decision.ALLOWED : Decision.forbidden(action.refusal);
    }

    /** An administrator whose token names the region among those it administers (the {@code regions} claim). */
    private static boolean administers(Caller caller, String region) {
        return caller.is(Role.ADMIN) && region != null && caller.regions().contains(region);
    }

    /**
     * Whether the caller may do the action on a location or hold of this provider in this region, or on the region
     * itself (occupancy: {@code providerId} is not looked at). For a hold, {@code providerId} and {@code region} are
     * those of its location, both null when its location is unknown (a hold refused for that reason): such a hold
     * is nobody's.
     */
    public static Decision on(Caller caller, Action action, String providerId, String region) {
        Decision role = byRole(caller, action);
        if (!role.allowed()) {
            return role;
        }
        return switch (action) {
            case READ_SHARED -> Decision.ALLOWED;
            case CHANGE_LOCATION -> caller.providesFor(providerId) ? Decision.ALLOWED
                    : Decision.forbidden("This location belongs to another provider");
            case READ_HOLD -> caller.providesFor(providerId) || caller.coordinates(region) ? Decision.ALLOWED
                    : Decision.hidden();
            case CONFIRM_STAY -> caller.providesFor(providerId) ? Decision.ALLOWED : Decision.hidden();
            case READ_OCCUPANCY -> caller.is(Role.ADMIN) || caller.coordinates(region) ? Decision.ALLOWED
                    : Decision.forbidden("Only a coordinator of region " + region + " or an admin reads its occupancy");
            case ADMINISTER -> administers(caller, region) ? Decision.ALLOWED
                    : Decision.forbidden("Only an administrator of region " + region + " changes it");
        };
    }
}
