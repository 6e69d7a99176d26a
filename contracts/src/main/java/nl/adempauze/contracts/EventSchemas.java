package nl.adempauze.contracts;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas of the events, read once. A producer checks an event against its schema as written (strict);
 * a consumer checks it against the reader view of that schema: the same rules, but with {@code
 * "additionalProperties": false} dropped at every level, so a field added by a newer producer is ignored rather
 * than dead-lettered (the tolerant reader). Each schema carries its version as {@code x-version}.
 */
public final class EventSchemas {

    public static final String VERSION = "x-version";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Draft 2020-12, knowing {@code x-version} as an annotation. */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012())
            .keyword(new NonValidationKeyword(VERSION))
            .build();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema document at this classpath location, as written; shared, so copy it before changing it. */
    public static JsonNode document(String path) {
        return DOCUMENTS.computeIfAbsent(path, EventSchemas::read);
    }

    /** The version a schema document declares. */
    public static int version(JsonNode schema) {
        JsonNode version = schema.get(VERSION);
        if (version == null || !version.isInt() || version.asInt() < 1) {
            throw new IllegalStateException("Schema " + schema.path("$id").asString() + " declares no " + VERSION);
        }
        return version.asInt();
    }

    /** A copy of the schema that tolerates unknown properties in every object it describes. */
    public static JsonNode readerView(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        relax(copy);
        return copy;
    }

    /**
     * Compiles a schema document with format assertions on (a "date-time" that is not one fails validation).
     * Each document gets a registry of its own: the strict and reader views share one {@code $id}.
     */
    public static Schema compile(JsonNode schema) {
        return SchemaRegistry.withDefaultDialect(DIALECT,
                        builder -> builder.schemaRegistryConfig(
                                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                .getSchema(schema);
    }

    private static void relax(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode additional = object.get("additionalProperties");
            if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                object.remove("additionalProperties");
            }
        }
        // a map's value schema (additionalProperties as an object) is relaxed inside too
        node.forEach(EventSchemas::relax);
    }

    private static JsonNode read(String path) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing JSON Schema " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
