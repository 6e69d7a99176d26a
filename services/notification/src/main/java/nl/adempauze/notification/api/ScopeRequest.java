package nl.adempauze.notification.api;

import jakarta.validation.constraints.Size;
import nl.adempauze.notification.domain.Scope;

/**
 * Optional narrowing of a subscription: each field that is set must equal the event's field of that name. It never
 * widens what the subscriber may see; naming another's region, provider or request is refused (see
 * {@link nl.adempauze.notification.domain.Viewer#refusalOf}).
 */
public record ScopeRequest(
        @Size(max = 200) String region,
        @Size(max = 200) String locationId,
        @Size(max = 200) String providerId,
        @Size(max = 200) String requestId) {

    public Scope toScope() {
        return new Scope(region, locationId, providerId, requestId);
    }
}
