package nl.adempauze.platform.testing;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import nl.adempauze.contracts.EventCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event as a newer version of its producer writes it: the same event with fields this version does not know,
 * at the top level and in every nested object (an address, a night figure, a triage rule...), as a rolling upgrade
 * brings them. Maps (a triage rule's answers) are data, not structure, and get nothing.
 */
public final class NewerProducer {

    /** A field this version does not know, with a plain value. */
    public static final String ADDED_FIELD = "addedByANewerProducer";
    /** A field this version does not know, with a structured value. */
    public static final String ADDED_OBJECT = "alsoAddedByANewerProducer";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec();

    private NewerProducer() {
    }

    /** The event's JSON, checked against its current schema, with the added fields at every level. */
    public static byte[] write(Object event) {
        JsonNode tree = JSON.readTree(CODEC.encode(event));
        addFields(tree, event.getClass());
        return JSON.writeValueAsBytes(tree);
    }

    /** How many objects of the written event got the added fields (the event itself counts as one). */
    public static int objectsWithAddedFields(byte[] written) {
        int[] count = {0};
        count(JSON.readTree(written), count);
        return count[0];
    }

    private static void addFields(JsonNode node, Class<?> recordType) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (RecordComponent component : recordType.getRecordComponents()) {
            JsonNode value = object.get(component.getName());
            Class<?> type = component.getType();
            if (type.isRecord()) {
                addFields(value, type);
            } else if (List.class.isAssignableFrom(type) && elementRecord(component.getGenericType()) != null) {
                Class<?> element = elementRecord(component.getGenericType());
                if (value != null) {
                    value.forEach(each -> addFields(each, element));
                }
            }
        }
        object.put(ADDED_FIELD, "written by version n+1");
        object.set(ADDED_OBJECT, JSON.readTree("{\"since\": 2, \"codes\": [\"NEW_CODE\"], \"nested\": {\"x\": null}}"));
    }

    private static Class<?> elementRecord(Type type) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return element;
        }
        return null;
    }

    private static void count(JsonNode node, int[] count) {
        if (node.has(ADDED_FIELD)) {
            count[0]++;
        }
        node.forEach(child -> count(child, count));
    }
}
