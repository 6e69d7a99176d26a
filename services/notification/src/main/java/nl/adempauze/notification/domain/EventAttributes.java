package nl.adempauze.notification.domain;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an event record a scope can filter on (region, locationId, providerId, requestId), and the
 * location's region of an offer across the border ({@code locationRegion}, which a region scope also matches), read from
 * the record's components by name so every catalogued event is covered without a case per type. A field the
 * record does not have is absent, which is different from present-but-null.
 */
public final class EventAttributes {

    public static final String REGION = "region";
    public static final String LOCATION_ID = "locationId";
    public static final String PROVIDER_ID = "providerId";
    public static final String REQUEST_ID = "requestId";
    /** The location's region, named by offers that may go across the border to a neighbour region. */
    public static final String LOCATION_REGION = "locationRegion";
    private static final Set<String> SCOPED = Set.of(REGION, LOCATION_ID, PROVIDER_ID, REQUEST_ID, LOCATION_REGION);

    private final Map<String, String> values;

    private EventAttributes(Map<String, String> values) {
        this.values = values;
    }

    public static EventAttributes of(Object event) {
        Map<String, String> values = new HashMap<>();
        if (event.getClass().isRecord()) {
            for (RecordComponent component : event.getClass().getRecordComponents()) {
                if (SCOPED.contains(component.getName()) && component.getType() == String.class) {
                    values.put(component.getName(), read(component, event));
                }
            }
        }
        return new EventAttributes(values);
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    public String get(String field) {
        return values.get(field);
    }

    private static String read(RecordComponent component, Object event) {
        try {
            return (String) component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + event.getClass(), e);
        }
    }
}
