package nl.adempauze.contracts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Whether a current event schema is fully compatible with a released one, for tolerant readers (in the spirit of
 * Confluent Schema Registry's FULL mode): a consumer on the current schema reads every event valid under the
 * released one (backward) and a consumer on the released schema, ignoring unknown fields, reads every event valid
 * under the current one (forward). So an object may gain or drop optional properties, and nothing else may change:
 * no new required property (older events lack it), no required property dropped or made optional (older
 * consumers need it), no type changed, narrowed or widened, no enum value added or removed, no pattern, format or
 * bound changed. Descriptions and titles may change freely.
 */
final class SchemaCompatibility {

    /** Keywords that constrain a value; each must be the same in both versions. */
    private static final List<String> CONSTRAINTS = List.of("const", "pattern", "format", "minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
            "minProperties", "maxProperties");

    private final String type;
    private final JsonNode releasedRoot;
    private final JsonNode currentRoot;
    private final List<String> problems = new ArrayList<>();

    private SchemaCompatibility(String type, JsonNode releasedRoot, JsonNode currentRoot) {
        this.type = type;
        this.releasedRoot = releasedRoot;
        this.currentRoot = currentRoot;
    }

    /** What makes {@code current} incompatible with {@code released}, each naming the event and the property. */
    static List<String> problems(String type, JsonNode released, JsonNode current) {
        SchemaCompatibility check = new SchemaCompatibility(type, released, current);
        check.compare("", released, current);
        return List.copyOf(check.problems);
    }

    private void compare(String path, JsonNode released, JsonNode current) {
        released = resolve(releasedRoot, released);
        current = resolve(currentRoot, current);
        compareTypes(path, released, current);
        compareEnums(path, released, current);
        for (String keyword : CONSTRAINTS) {
            if (!released.path(keyword).equals(current.path(keyword))) {
                report(path, keyword + " changed from " + shown(released.get(keyword)) + " to "
                        + shown(current.get(keyword)));
            }
        }
        compareProperties(path, released, current);
        compareChild(path + "[]", released.get("items"), current.get("items"));
        JsonNode releasedMap = released.get("additionalProperties");
        JsonNode currentMap = current.get("additionalProperties");
        if (releasedMap != null && releasedMap.isObject() || currentMap != null && currentMap.isObject()) {
            compareChild(path + "{}", releasedMap, currentMap);
        }
        compareChild(path + "{name}", released.get("propertyNames"), current.get("propertyNames"));
        JsonNode releasedNonNull = nonNullAlternative(released);
        JsonNode currentNonNull = nonNullAlternative(current);
        if (releasedNonNull != null || currentNonNull != null) {
            compareChild(path, releasedNonNull, currentNonNull);
        }
    }

    private void compareProperties(String path, JsonNode released, JsonNode current) {
        Set<String> releasedRequired = strings(released.get("required"));
        Set<String> currentRequired = strings(current.get("required"));
        for (String property : releasedRequired) {
            if (!currentRequired.contains(property)) {
                report(join(path, property), "was required in the released schema and no longer is: consumers on"
                        + " the released schema need it");
            }
        }
        for (String property : currentRequired) {
            if (!releasedRequired.contains(property)) {
                report(join(path, property), "is newly required: events written under the released schema lack"
                        + " it (add it as optional)");
            }
        }
        JsonNode releasedProperties = released.path("properties");
        JsonNode currentProperties = current.path("properties");
        for (String property : releasedProperties.propertyNames()) {
            if (currentProperties.has(property)) {
                compare(join(path, property), releasedProperties.get(property), currentProperties.get(property));
            }
        }
    }

    private void compareTypes(String path, JsonNode released, JsonNode current) {
        Set<String> releasedTypes = types(released);
        Set<String> currentTypes = types(current);
        if (!releasedTypes.equals(currentTypes)) {
            report(path, "type changed from " + releasedTypes + " to " + currentTypes);
        }
    }

    private void compareEnums(String path, JsonNode released, JsonNode current) {
        Set<String> releasedValues = strings(released.get("enum"));
        Set<String> currentValues = strings(current.get("enum"));
        if (releasedValues.equals(currentValues)) {
            return;
        }
        Set<String> added = new TreeSet<>(currentValues);
        added.removeAll(releasedValues);
        Set<String> removed = new TreeSet<>(releasedValues);
        removed.removeAll(currentValues);
        if (releasedValues.isEmpty()) {
            report(path, "is newly restricted to the values " + currentValues);
        } else if (currentValues.isEmpty()) {
            report(path, "is no longer restricted to the values " + releasedValues);
        } else {
            if (!added.isEmpty()) {
                report(path, "enum values added " + added + ": consumers on the released schema reject them");
            }
            if (!removed.isEmpty()) {
                report(path, "enum values removed " + removed + ": events written under the released schema carry"
                        + " them");
            }
        }
    }

    private void compareChild(String path, JsonNode released, JsonNode current) {
        if (released == null && current == null) {
            return;
        }
        if (released == null || current == null) {
            report(path, released == null ? "gained a constraint" : "lost a constraint");
            return;
        }
        compare(path, released, current);
    }

    /** The schema of the non-null branch of {@code oneOf: [{type: null}, X]}, the way nullable objects are written. */
    private static JsonNode nonNullAlternative(JsonNode schema) {
        JsonNode oneOf = schema.get("oneOf");
        if (oneOf == null) {
            return null;
        }
        for (JsonNode alternative : oneOf) {
            if (!alternative.path("type").asString("").equals("null")) {
                return alternative;
            }
        }
        return null;
    }

    /** Types a value may have; a {@code oneOf} with a null branch adds "null". */
    private Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            type.forEach(each -> types.add(each.asString()));
        } else if (type != null) {
            types.add(type.asString());
        }
        JsonNode oneOf = schema.get("oneOf");
        if (oneOf != null) {
            for (JsonNode alternative : oneOf) {
                if (alternative.path("type").asString("").equals("null")) {
                    types.add("null");
                } else {
                    types.add("oneOf");
                }
            }
        }
        return types;
    }

    /** Follows a local {@code $ref} ({@code #/$defs/Name}) within the document. */
    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String pointer = ref.asString();
        if (!pointer.startsWith("#")) {
            throw new IllegalArgumentException("Only local references are supported: " + pointer);
        }
        return resolve(root, root.at(pointer.substring(1)));
    }

    private void report(String path, String problem) {
        problems.add(type + ": " + (path.isEmpty() ? "the event" : "property '" + path + "'") + " " + problem);
    }

    private static String join(String path, String property) {
        return path.isEmpty() ? property : path + "." + property;
    }

    private static String shown(JsonNode value) {
        return value == null ? "(none)" : value.toString();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        if (array != null) {
            for (Iterator<JsonNode> it = array.iterator(); it.hasNext(); ) {
                values.add(it.next().asString());
            }
        }
        return values;
    }
}
