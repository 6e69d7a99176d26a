package nl.adempauze.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every event type's current schema against its last released one (schemas/released/<Type>.v<N>.schema.json), so
 * services can be upgraded one instance at a time: a schema that is unchanged keeps its version; a changed one
 * carries the next version and stays fully compatible (see {@link SchemaCompatibility}). At a release the current
 * schema is copied into schemas/released/ under its version.
 */
class ReleasedSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    static Stream<Arguments> events() {
        return EventCatalogue.EVENTS.stream().map(definition -> Arguments.of(named(definition.type(), definition)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void currentSchemaIsTheLastReleasedOneOrItsCompatibleSuccessor(EventDefinition<?> definition) {
        int current = definition.version();
        int released = lastReleased(definition);
        JsonNode releasedSchema = EventSchemas.document(definition.releasedSchemaPath(released));

        assertThat(EventSchemas.version(releasedSchema)).as("x-version inside %s", definition.releasedSchemaPath(released))
                .isEqualTo(released);
        assertThat(current).as("%s: version of the current schema, last released v%d", definition.type(), released)
                .isIn(released, released + 1);
        assertThat(SchemaCompatibility.problems(definition.type(), releasedSchema,
                EventSchemas.document(definition.schemaPath())))
                .as("%s v%d against released v%d", definition.type(), current, released)
                .isEmpty();
        if (current == released) {
            assertThat(EventSchemas.document(definition.schemaPath()).equals(releasedSchema))
                    .as("%s changed since its release as v%d: raise its x-version to %d", definition.type(), released,
                            released + 1)
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void consumerOnTheReleasedSchemaReadsEveryCurrentSample(EventDefinition<?> definition) {
        Schema releasedReader = EventSchemas.compile(EventSchemas.readerView(
                EventSchemas.document(definition.releasedSchemaPath(lastReleased(definition)))));
        for (Object sample : EventSamples.of(definition)) {
            JsonNode event = JSON.readTree(codec.encode(sample));
            assertThat(describe(releasedReader.validate(event)))
                    .as("%s written now, read by a consumer on released v%d", definition.type(), lastReleased(definition))
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void consumerOnTheCurrentSchemaReadsEveryReleasedSample(EventDefinition<?> definition) {
        JsonNode releasedSchema = EventSchemas.document(definition.releasedSchemaPath(lastReleased(definition)));
        Schema releasedWriter = EventSchemas.compile(releasedSchema);
        for (Object sample : EventSamples.of(definition)) {
            JsonNode asReleased = asWrittenUnder(releasedSchema, JSON.readTree(codec.encode(sample)));
            assertThat(describe(releasedWriter.validate(asReleased)))
                    .as("the sample as a producer on released v%d writes it", lastReleased(definition)).isEmpty();

            assertThat(codec.decode(definition.type(), JSON.writeValueAsBytes(asReleased)))
                    .as("%s written under released v%d, decoded now", definition.type(), lastReleased(definition))
                    .isInstanceOf(definition.recordType());
        }
    }

    @Test
    void everyReleasedSchemaBelongsToACatalogueEntryAndVersionsRunFromOne() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:schemas/released/*.json");
        Set<String> files = Arrays.stream(resources).map(Resource::getFilename).collect(Collectors.toSet());
        List<String> expected = new ArrayList<>();
        for (EventDefinition<?> definition : EventCatalogue.EVENTS) {
            for (int version = 1; version <= lastReleased(definition); version++) {
                expected.add(definition.releasedSchemaPath(version).substring("/schemas/released/".length()));
            }
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void dataSchemaNamesTheTypeAndItsVersion() {
        EventDefinition<?> offerMade = EventCatalogue.byType("OfferMade").orElseThrow();
        assertThat(offerMade.version()).isEqualTo(1);
        assertThat(EventCatalogue.dataSchema("OfferMade")).isEqualTo("/schemas/OfferMade.v1.schema.json")
                .isEqualTo(offerMade.dataSchema());
    }

    /** The highest version of the type's schema in schemas/released/; a type must have been released once. */
    static int lastReleased(EventDefinition<?> definition) {
        int version = 0;
        while (ReleasedSchemasTest.class.getResource(definition.releasedSchemaPath(version + 1)) != null) {
            version++;
        }
        assertThat(version).as("%s has no released schema %s", definition.type(), definition.releasedSchemaPath(1))
                .isPositive();
        return version;
    }

    /**
     * The event as a producer on the released schema would write it: only the properties that schema knows, at
     * every level described by a plain object schema.
     */
    static JsonNode asWrittenUnder(JsonNode schema, JsonNode event) {
        return trim(schema, schema, event.deepCopy());
    }

    private static JsonNode trim(JsonNode root, JsonNode schema, JsonNode value) {
        while (schema.has("$ref")) {
            schema = root.at(schema.get("$ref").asString().substring(1));
        }
        if (schema.has("oneOf") && !value.isNull()) {
            for (JsonNode alternative : schema.get("oneOf")) {
                if (!alternative.path("type").asString("").equals("null")) {
                    return trim(root, alternative, value);
                }
            }
        }
        if (value instanceof ObjectNode object && schema.has("properties")) {
            JsonNode properties = schema.get("properties");
            for (String name : List.copyOf(object.propertyNames())) {
                if (!properties.has(name)) {
                    object.remove(name);
                } else {
                    object.set(name, trim(root, properties.get(name), object.get(name)));
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                ((tools.jackson.databind.node.ArrayNode) value).set(i, trim(root, schema.get("items"), value.get(i)));
            }
        }
        return value;
    }

    private static List<String> describe(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
