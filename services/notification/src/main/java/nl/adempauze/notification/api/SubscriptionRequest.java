package nl.adempauze.notification.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/subscriptions}. A missing scope means every event of the chosen types that the
 * subscriber's organisation (a coordinator's: its regions) may see; a scope only narrows that.
 */
public record SubscriptionRequest(
        @NotBlank @Size(max = 2000) @WebhookUrl String url,
        @NotNull @Size(min = 16, max = 512) String secret,
        @NotEmpty @Size(max = 50) List<@NotifiedEventType String> eventTypes,
        @Valid ScopeRequest scope) {

    /** Never the shared secret (frameworks log decoded bodies at DEBUG). */
    @Override
    public String toString() {
        return "SubscriptionRequest[url=" + url + ", secret=[redacted], eventTypes=" + eventTypes + ", scope=" + scope
                + "]";
    }
}
