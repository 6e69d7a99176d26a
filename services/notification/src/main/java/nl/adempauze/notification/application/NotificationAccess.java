package nl.adempauze.notification.application;

import java.util.List;
import nl.adempauze.notification.domain.KnownRequest;
import nl.adempauze.notification.domain.Scope;
import nl.adempauze.notification.domain.Viewer;
import nl.adempauze.notification.persistence.KnownRequestRepository;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.security.Role;
import nl.adempauze.platform.domain.DomainException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may use notification, and how far: referrers for their organisation, providers for themselves,
 * coordinators for their regions (see docs/SECURITY.md, "notification"). The role is checked first: a caller
 * without one of those roles, ADMIN included, is refused with 403 whatever it asks for.
 */
@Component
public class NotificationAccess {

    /** Most reach first: a caller holding several of these roles acts in the first. */
    private static final List<Role> ROLES = List.of(Role.COORDINATOR, Role.PROVIDER, Role.REFERRER);

    private final KnownRequestRepository requests;

    public NotificationAccess(KnownRequestRepository requests) {
        this.requests = requests;
    }

    /** The caller as a viewer of events, or 403. */
    public static Viewer viewer(Caller caller) {
        Role role = ROLES.stream().filter(caller::is).findFirst()
                .orElseThrow(() -> DomainException.forbidden(
                        "Notifications are for referrers, providers and coordinators, not for your role"));
        if (role == Role.COORDINATOR && caller.regions().isEmpty()) {
            throw DomainException.forbidden("Your token names no regions to coordinate");
        }
        if (role != Role.COORDINATOR && (caller.organisation() == null || caller.organisation().isBlank())) {
            throw DomainException.forbidden("Your token names no organisation");
        }
        return new Viewer(role, caller.organisation(), caller.regions(), caller.subject());
    }

    /** Completes when the scope stays within the viewer's reach; otherwise fails with 403. */
    public Mono<Void> checkScope(Viewer viewer, Scope scope) {
        Mono<KnownRequest> request = scope.requestId() == null || viewer.is(Role.PROVIDER)
                ? Mono.empty()
                : requests.find(scope.requestId());
        return request
                .map(known -> viewer.refusalOf(scope, known))
                .switchIfEmpty(Mono.fromSupplier(() -> viewer.refusalOf(scope, null)))
                .flatMap(refusal -> refusal.isPresent()
                        ? Mono.<Void>error(DomainException.forbidden(refusal.get()))
                        : Mono.<Void>empty());
    }
}
