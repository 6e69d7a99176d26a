package nl.adempauze.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns catalogued events into JSON and back, checking every event against its JSON Schema both ways, so a
 * service can neither emit nor accept an event that breaks the contract.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    // Format assertions on: a "date-time" that is not one must fail validation, not slip through as a label.
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public byte[] encode(Object event) {
        EventDefinition<?> definition = EventCatalogue.of(event);
        JsonNode tree = mapper.valueToTree(event);
        List<Error> errors = schemaOf(definition).validate(tree);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(definition.type() + " breaks its schema: " + describe(errors));
        }
        return mapper.writeValueAsBytes(tree);
    }

    public Object decode(String type, byte[] data) {
        EventDefinition<?> definition = EventCatalogue.byType(type)
                .orElseThrow(() -> new InvalidEventException("Unknown event type: " + type));
        if (data == null) {
            throw new InvalidEventException(type + " has no data");
        }
        try {
            JsonNode tree = mapper.readTree(data);
            List<Error> errors = schemaOf(definition).validate(tree);
            if (!errors.isEmpty()) {
                throw new InvalidEventException(type + " breaks its schema: " + describe(errors));
            }
            return mapper.treeToValue(tree, definition.recordType());
        } catch (JacksonException e) {
            throw new InvalidEventException(type + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Schema errors of a JSON document against an event type's schema; empty when it conforms. */
    public List<String> validate(String type, byte[] data) {
        EventDefinition<?> definition = EventCatalogue.byType(type)
                .orElseThrow(() -> new InvalidEventException("Unknown event type: " + type));
        return schemaOf(definition).validate(mapper.readTree(data)).stream().map(Error::toString).toList();
    }

    public Schema schemaOf(EventDefinition<?> definition) {
        return schemas.computeIfAbsent(definition.schemaPath(), path -> {
            try (InputStream in = EventCodec.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("Missing JSON Schema " + path);
                }
                return registry.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String describe(List<Error> errors) {
        return errors.stream().map(Error::toString).collect(Collectors.joining("; "));
    }
}
