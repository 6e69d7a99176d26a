package nl.adempauze.notification.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which events a subscriber (or a live-board viewer) cares about: every field that is set must equal the
 * same-named field of the event. An event without such a field does not match, so a scope on a provider never
 * receives events that do not say which provider they concern. An empty scope matches everything.
 */
public record Scope(String region, String locationId, String providerId, String requestId) {

    public static final Scope EVERYTHING = new Scope(null, null, null, null);

    public Scope {
        region = blankToNull(region);
        locationId = blankToNull(locationId);
        providerId = blankToNull(providerId);
        requestId = blankToNull(requestId);
    }

    /** Every field the scope names is the event's; a region also matches the location's region of an offer. */
    public boolean matches(EventAttributes event) {
        return fields().entrySet().stream()
                .filter(field -> field.getValue() != null)
                .allMatch(field -> event.has(field.getKey())
                        && Objects.equals(field.getValue(), event.get(field.getKey()))
                        || field.getKey().equals(EventAttributes.REGION)
                        && Objects.equals(field.getValue(), event.get(EventAttributes.LOCATION_REGION)));
    }

    private Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(EventAttributes.REGION, region);
        fields.put(EventAttributes.LOCATION_ID, locationId);
        fields.put(EventAttributes.PROVIDER_ID, providerId);
        fields.put(EventAttributes.REQUEST_ID, requestId);
        return fields;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
