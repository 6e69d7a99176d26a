package nl.adempauze.notification.application;

import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.security.Role;

/**
 * Who may read and change a region's rota and read its pages: the region's coordinators and administrators (see
 * docs/SECURITY.md, "notification"). Acknowledging a page is for the region's coordinators only.
 */
public final class PagingAccess {

    private PagingAccess() {
    }

    public static void checkRota(Caller caller, String region) {
        if (!caller.coordinates(region) && !caller.is(Role.ADMIN)) {
            throw DomainException.forbidden("The on-call rota and pages of region '" + region
                    + "' are for its coordinators and administrators");
        }
    }
}
