package nl.adempauze.bedavailability.api;

import java.util.function.Predicate;
import nl.adempauze.bedavailability.api.AccessRules.Action;
import nl.adempauze.bedavailability.application.BedQueries;
import nl.adempauze.bedavailability.domain.Hold;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.domain.DomainException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Looks up the location or hold a request is about (or takes the region it names) and applies {@link AccessRules}
 * to it: the caller's role first (403 before anything is looked up or any body is read), then whether the resource
 * is theirs.
 */
@Component
public class Access {

    private final BedQueries queries;

    public Access(BedQueries queries) {
        this.queries = queries;
    }

    /** Regions, locations and capacity: every signed-in role. */
    public Mono<Void> toRead(Caller caller, String what, String id) {
        return Mono.fromRunnable(() -> AccessRules.byRole(caller, Action.READ_SHARED).enforce(what, id));
    }

    /**
     * Whether the caller may read the region's occupancy: 403 for a role other than coordinator or admin, and for a
     * coordinator of other regions only. Decided before the region is looked up (an allowed caller then gets 404 for
     * an unknown region).
     */
    public Mono<Void> toReadOccupancy(Caller caller, String region) {
        return Mono.fromRunnable(() -> AccessRules.on(caller, Action.READ_OCCUPANCY, null, region)
                .enforce("Region", region));
    }

    /**
     * The location, if the caller may publish its capacity or change its status: 403 for a role other than
     * provider, 404 for an unknown location, 403 for another provider's.
     */
    public Mono<Location> toChange(Caller caller, String locationId) {
        return location(caller, locationId, Action.CHANGE_LOCATION);
    }

    /** Whether the caller administers the region: 403 for any other role, and for an administrator of other regions. */
    public Mono<Void> toAdminister(Caller caller, String region) {
        return Mono.fromRunnable(() -> AccessRules.on(caller, Action.ADMINISTER, null, region)
                .enforce("Region", region));
    }

    /**
     * The location, if the caller administers its region: 403 for another role (before the lookup), 404 for an
     * unknown location, 403 for a location of a region the caller does not administer.
     */
    public Mono<Location> toAdministerLocation(Caller caller, String locationId) {
        return location(caller, locationId, Action.ADMINISTER);
    }

    /** The location, if the action on it is allowed: the role first (before the lookup), then the location's owner. */
    private Mono<Location> location(Caller caller, String locationId, Action action) {
        return Mono.defer(() -> {
            AccessRules.byRole(caller, action).enforce("Location", locationId);
            return queries.location(locationId)
                    .switchIfEmpty(Mono.error(() -> DomainException.notFound("Location", locationId)))
                    .doOnNext(location -> AccessRules.on(caller, action, location.providerId(), location.region())
                            .enforce("Location", locationId));
        });
    }

    /**
     * Whether the caller may publish a capacity feed at all (403 for a role other than provider, before the body is
     * read), and then, per location of the feed, whether it is theirs.
     */
    public Mono<Predicate<Location>> toPublishFeed(Caller caller) {
        return Mono.fromSupplier(() -> {
            AccessRules.byRole(caller, Action.CHANGE_LOCATION).enforce("Capacity feed", null);
            return location -> AccessRules.on(caller, Action.CHANGE_LOCATION, location.providerId(),
                    location.region()).allowed();
        });
    }

    /**
     * The hold, if the caller may read it ({@link Action#READ_HOLD}) or confirm its stay
     * ({@link Action#CONFIRM_STAY}): 403 for a role that may never, 404 for an unknown hold or one not theirs.
     */
    public Mono<Hold> hold(Caller caller, String offerId, Action action) {
        return Mono.defer(() -> {
            AccessRules.byRole(caller, action).enforce("Hold", offerId);
            return queries.hold(offerId)
                    .switchIfEmpty(Mono.error(() -> DomainException.notFound("Hold", offerId)))
                    .flatMap(hold -> queries.location(hold.locationId())
                            .map(location -> AccessRules.on(caller, action, location.providerId(), location.region()))
                            // a hold at an unknown location (refused as UNKNOWN_LOCATION) is nobody's
                            .defaultIfEmpty(AccessRules.on(caller, action, null, null))
                            .doOnNext(decision -> decision.enforce("Hold", offerId))
                            .thenReturn(hold));
        });
    }
}
