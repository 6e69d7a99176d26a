package nl.adempauze.contracts;

import java.util.function.Function;

/**
 * One event type of the catalogue: its record, the topic it travels on, how its key is derived and where its
 * JSON Schema lives, with its version. The CloudEvents {@code type} is the record's simple name.
 */
public record EventDefinition<T>(Class<T> recordType, Topic topic, Function<T, String> keyOf) {

    public String type() {
        return recordType.getSimpleName();
    }

    /** Classpath location of the current JSON Schema. */
    public String schemaPath() {
        return "/schemas/" + type() + ".schema.json";
    }

    /** The version of the current schema (its {@code x-version}); raised with every change to the schema. */
    public int version() {
        return EventSchemas.version(EventSchemas.document(schemaPath()));
    }

    /**
     * The CloudEvents {@code dataschema}: the schema and its version, named like the released copy in
     * {@code /schemas/released/}, e.g. {@code /schemas/OfferMade.v1.schema.json}.
     */
    public String dataSchema() {
        return "/schemas/" + type() + ".v" + version() + ".schema.json";
    }

    /** Classpath location of the released copy of version {@code version} of this type's schema. */
    public String releasedSchemaPath(int version) {
        return "/schemas/released/" + type() + ".v" + version + ".schema.json";
    }

    public String keyFor(Object event) {
        return keyOf.apply(recordType.cast(event));
    }
}
