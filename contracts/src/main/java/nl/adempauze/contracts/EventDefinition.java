package nl.adempauze.contracts;

import java.util.function.Function;

/**
 * One event type of the catalogue: its record, the topic it travels on, how its key is derived and where its
 * JSON Schema lives. The CloudEvents {@code type} is the record's simple name.
 */
public record EventDefinition<T>(Class<T> recordType, Topic topic, Function<T, String> keyOf) {

    public String type() {
        return recordType.getSimpleName();
    }

    /** Classpath location of the JSON Schema, also the CloudEvents {@code dataschema}. */
    public String schemaPath() {
        return "/schemas/" + type() + ".schema.json";
    }

    public String keyFor(Object event) {
        return keyOf.apply(recordType.cast(event));
    }
}
