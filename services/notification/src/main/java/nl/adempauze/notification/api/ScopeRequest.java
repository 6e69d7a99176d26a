package nl.adempauze.notification.api;

import jakarta.validation.constraints.Size;
import nl.adempauze.notification.domain.Scope;

/** Optional narrowing of a subscription: each field that is set must equal the event's field of that name. */
public record ScopeRequest(
        @Size(max = 200) String region,
        @Size(max = 200) String locationId,
        @Size(max = 200) String providerId,
        @Size(max = 200) String requestId) {

    public Scope toScope() {
        return new Scope(region, locationId, providerId, requestId);
    }
}
