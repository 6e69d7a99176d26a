package nl.adempauze.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
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
 * service can neither emit nor accept an event that breaks the contract. Encoding is strict: an event must match
 * its current schema exactly. Decoding is tolerant: a field this version does not know (added by a newer
 * producer, at any level) is ignored, while everything this version needs is still checked (required fields,
 * types, formats, ranges, codes), so a rolling upgrade loses no events. A running service may leave out the check on
 * encoding ({@code new EventCodec(false)}): its events are made from its own records, the check is proven on the
 * same code by the tests, and it cost a schema walk on every event written.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<String, Schema> readerSchemas = new ConcurrentHashMap<>();
    private final boolean checkEncoded;

    /** A codec that checks every event it encodes against its schema. */
    public EventCodec() {
        this(true);
    }

    public EventCodec(boolean checkEncoded) {
        this.checkEncoded = checkEncoded;
    }

    public byte[] encode(Object event) {
        EventDefinition<?> definition = EventCatalogue.of(event);
        if (!checkEncoded) {
            return mapper.writeValueAsBytes(event);
        }
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
            List<Error> errors = readerSchemaOf(definition).validate(tree);
            if (!errors.isEmpty()) {
                throw new InvalidEventException(type + " breaks its schema: " + describe(errors));
            }
            return mapper.treeToValue(tree, definition.recordType());
        } catch (JacksonException e) {
            throw new InvalidEventException(type + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Schema errors of a JSON document against an event type's schema as written (strict); empty when it conforms. */
    public List<String> validate(String type, byte[] data) {
        EventDefinition<?> definition = EventCatalogue.byType(type)
                .orElseThrow(() -> new InvalidEventException("Unknown event type: " + type));
        return schemaOf(definition).validate(mapper.readTree(data)).stream().map(Error::toString).toList();
    }

    /** The event type's schema as written: what a producer must emit. Compiled once. */
    public Schema schemaOf(EventDefinition<?> definition) {
        return schemas.computeIfAbsent(definition.schemaPath(),
                path -> EventSchemas.compile(EventSchemas.document(path)));
    }

    /** The reader view of the event type's schema: what a consumer accepts. Compiled once. */
    public Schema readerSchemaOf(EventDefinition<?> definition) {
        return readerSchemas.computeIfAbsent(definition.schemaPath(),
                path -> EventSchemas.compile(EventSchemas.readerView(EventSchemas.document(path))));
    }

    private static String describe(List<Error> errors) {
        return errors.stream().map(Error::toString).collect(Collectors.joining("; "));
    }
}
