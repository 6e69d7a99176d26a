package nl.adempauze.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.adempauze.contracts.events.CapacityPublished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventSchemasTest {

    /** Record components that may be null; every other component is a required schema property. */
    static final Set<String> NULLABLE = Set.of(
            "LocationRegistered.closedReason",
            "LocationStatusChanged.reason",
            "RequestSubmitted.neededBy",
            "RequestSubmitted.firstNight",
            "RequestSubmitted.nights",
            "RequestSubmitted.seriesId",
            "HoldRequested.firstNight",
            "HoldRequested.nights",
            "BedHeld.firstNight",
            "BedHeld.nights",
            "RequestSubmitted.funder",
            "RequestSubmitted.municipality",
            "RequestEscalated.detail",
            "RequestEscalated.detailCode",
            "RequestEscalated.detailValues",
            "OfferAccepted.expectedAdmissionAt",
            "OfferAccepted.locationRegion",
            "OfferMade.locationRegion",
            "RequestMatched.expectedAdmissionAt",
            "CapacityAdjusted.publishedAt",
            "CapacityPublished.publishedAt",
            "RegionConfigured.neighbours",
            "RegionConfigured.triage",
            "OfferMade.handoverAvailable",
            "RequestSubmitted.careType",
            "RequestEscalated.careType",
            "CareTypeChanged.previousCareType");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventCodec codec = new EventCodec();

    static Stream<Arguments> events() {
        return EventCatalogue.EVENTS.stream().map(definition -> Arguments.of(named(definition.type(), definition)));
    }

    @Test
    void everyCatalogueEntryHasASampleOfItsRecordType() {
        for (EventDefinition<?> definition : EventCatalogue.EVENTS) {
            assertThat(EventSamples.of(definition))
                    .as(definition.type())
                    .isNotEmpty()
                    .allSatisfy(sample -> assertThat(sample).isExactlyInstanceOf(definition.recordType()));
        }
        assertThat(EventSamples.all().keySet())
                .as("samples of types that are not catalogued")
                .containsExactlyInAnyOrderElementsOf(
                        EventCatalogue.EVENTS.stream().map(EventDefinition::recordType).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void samplesRoundTripThroughTheCodec(EventDefinition<?> definition) {
        for (Object sample : EventSamples.of(definition)) {
            byte[] encoded = codec.encode(sample);

            assertThat(codec.validate(definition.type(), encoded)).as("schema errors of %s", sample).isEmpty();
            assertThat(codec.decode(definition.type(), encoded)).isEqualTo(sample);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void aRunningServiceWritesTheSameBytesWithoutTheCheck(EventDefinition<?> definition) {
        EventCodec unchecked = new EventCodec(false);
        for (Object sample : EventSamples.of(definition)) {
            assertThat(unchecked.encode(sample)).as("%s", sample).isEqualTo(codec.encode(sample));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void schemaDescribesExactlyTheRecordComponents(EventDefinition<?> definition) {
        JsonNode schema = schemaJson(definition);
        List<String> components = Arrays.stream(definition.recordType().getRecordComponents())
                .map(component -> component.getName())
                .toList();
        List<String> required = components.stream()
                .filter(component -> !NULLABLE.contains(definition.type() + "." + component))
                .toList();

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asString())
                .isEqualTo("https://adempauze.nl/schemas/" + definition.type() + ".schema.json");
        assertThat(schema.get("title").asString()).isEqualTo(definition.type());
        assertThat(schema.path(EventSchemas.VERSION).isInt()).as("x-version").isTrue();
        assertThat(definition.version()).isPositive();
        assertThat(schema.path("description").asString()).isNotBlank();
        assertThat(schema.get("type").asString()).isEqualTo("object");
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.get("properties").propertyNames()).containsExactlyElementsOf(components);
        assertThat(strings(schema.get("required"))).containsExactlyElementsOf(required);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eventMissingARequiredPropertyIsRejected(EventDefinition<?> definition) {
        ObjectNode encoded = (ObjectNode) JSON.readTree(codec.encode(EventSamples.first(definition)));
        List<String> required = strings(schemaJson(definition).get("required"));
        assertThat(required).isNotEmpty();

        for (String property : required) {
            ObjectNode withoutProperty = encoded.deepCopy();
            withoutProperty.remove(property);

            assertThatThrownBy(() -> codec.decode(definition.type(), JSON.writeValueAsBytes(withoutProperty)))
                    .as("%s without %s", definition.type(), property)
                    .isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining(property);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void nullableComponentsMayBeNullOrAbsent(EventDefinition<?> definition) {
        ObjectNode encoded = (ObjectNode) JSON.readTree(codec.encode(EventSamples.first(definition)));
        List<String> nullable = NULLABLE.stream()
                .filter(name -> name.startsWith(definition.type() + "."))
                .map(name -> name.substring(definition.type().length() + 1))
                .toList();

        for (String property : nullable) {
            assertThat(encoded.get(property).isNull()).as("first sample fills %s", property).isFalse();
            ObjectNode withNull = encoded.deepCopy();
            withNull.putNull(property);
            ObjectNode withoutProperty = encoded.deepCopy();
            withoutProperty.remove(property);

            assertThat(codec.decode(definition.type(), JSON.writeValueAsBytes(withNull))).isNotNull();
            assertThat(codec.decode(definition.type(), JSON.writeValueAsBytes(withoutProperty))).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void unknownPropertyIsIgnoredOnDecodeButNeverWritten(EventDefinition<?> definition) {
        Object sample = EventSamples.first(definition);
        ObjectNode encoded = (ObjectNode) JSON.readTree(codec.encode(sample));
        encoded.put("addedByANewerProducer", "ignored");
        encoded.set("anotherAddedObject", JSON.readTree("{\"since\": 2, \"items\": [1, 2]}"));
        byte[] fromANewerProducer = JSON.writeValueAsBytes(encoded);

        assertThat(codec.decode(definition.type(), fromANewerProducer)).isEqualTo(sample);
        // the schema as written stays strict: a producer of this version could not emit it
        assertThat(codec.validate(definition.type(), fromANewerProducer))
                .anySatisfy(error -> assertThat(error).contains("addedByANewerProducer"));
    }

    @Test
    void unknownPropertiesOfNestedObjectsAreIgnoredOnDecode() {
        Object location = EventSamples.first(definitionOf("LocationRegistered"));
        ObjectNode registered = (ObjectNode) JSON.readTree(codec.encode(location));
        ((ObjectNode) registered.get("address")).put("floor", "2");
        ((ObjectNode) registered.get("contracts").get(0)).put("since", "2026-01-01");
        assertThat(codec.decode("LocationRegistered", JSON.writeValueAsBytes(registered))).isEqualTo(location);

        Object nights = EventSamples.first(definitionOf("NightCapacityPublished"));
        ObjectNode published = (ObjectNode) JSON.readTree(codec.encode(nights));
        ((ObjectNode) published.get("nights").get(1)).put("wardCount", 4);
        assertThat(codec.decode("NightCapacityPublished", JSON.writeValueAsBytes(published))).isEqualTo(nights);

        Object region = EventSamples.first(definitionOf("RegionConfigured"));
        ObjectNode configured = (ObjectNode) JSON.readTree(codec.encode(region));
        ((ObjectNode) configured.get("triage")).put("version", 3);
        ((ObjectNode) configured.get("triage").get("rules").get(0)).put("weight", 0.5);
        ((ObjectNode) configured.get("careTypes").get(1).get("protection")).put("note", "new");
        assertThat(codec.decode("RegionConfigured", JSON.writeValueAsBytes(configured))).isEqualTo(region);
    }

    @Test
    void whatAConsumerNeedsIsStillCheckedInsideNestedObjects() {
        ObjectNode registered = (ObjectNode) JSON.readTree(codec.encode(EventSamples.first(definitionOf("LocationRegistered"))));
        ((ObjectNode) registered.get("address")).put("floor", "2").put("postcode", 3584);
        assertRejected("LocationRegistered", registered, "postcode");

        ObjectNode region = (ObjectNode) JSON.readTree(codec.encode(EventSamples.first(definitionOf("RegionConfigured"))));
        // a map's keys and values stay checked: "when" maps question codes to YES or NO
        ((ObjectNode) region.get("triage").get("rules").get(0).get("when")).put("HOSPITAL_CARE", "MAYBE");
        assertRejected("RegionConfigured", region, "when");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eventOfAnotherTypeIsRejected(EventDefinition<?> definition) {
        List<String> required = strings(schemaJson(definition).get("required"));
        for (EventDefinition<?> other : EventCatalogue.EVENTS) {
            byte[] encoded = other == definition ? null : codec.encode(EventSamples.first(other));
            // A tolerant reader cannot tell an event that carries all it needs (CapacityAdjusted read as
            // CapacityPublished) from a newer version of its own type: the CloudEvents type header tells them apart.
            if (encoded != null && !JSON.readTree(encoded).propertyNames().containsAll(required)) {
                assertThatThrownBy(() -> codec.decode(definition.type(), encoded))
                        .as("%s decoded as %s", other.type(), definition.type())
                        .isInstanceOf(InvalidEventException.class);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json at all",
        "{\"locationId\": ",
        "{\"locationId\": \"loc-1\"} trailing",
        "null",
        "[]",
        "\"BedHeld\"",
        "42",
        ""})
    void garbageIsRejected(String data) {
        assertThatThrownBy(() -> codec.decode("BedHeld", data.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void binaryGarbageAndMissingDataAreRejected() {
        byte[] garbage = {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, 0x7B, (byte) 0x80};
        assertThatThrownBy(() -> codec.decode("BedHeld", garbage)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> codec.decode("BedHeld", null)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void unknownTypeIsRejected() {
        byte[] encoded = codec.encode(EventSamples.first(definitionOf("CapacityPublished")));
        assertThatThrownBy(() -> codec.decode("BedsTeleported", encoded))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("BedsTeleported");
        assertThatThrownBy(() -> codec.decode(null, encoded)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> codec.decode("capacitypublished", encoded))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void valuesOutsideTheirDomainAreRejected() {
        ObjectNode capacity = (ObjectNode) JSON.readTree(codec.encode(EventSamples.first(definitionOf("CapacityAdjusted"))));

        assertRejected("CapacityAdjusted", capacity.deepCopy().put("freeBeds", -1), "freeBeds");
        assertRejected("CapacityAdjusted", capacity.deepCopy().put("freeBeds", 1.5), "freeBeds");
        assertRejected("CapacityAdjusted", capacity.deepCopy().put("cause", "MAGIC"), "cause");
        assertRejected("CapacityAdjusted", capacity.deepCopy().put("careType", "crisis stay"), "careType");
        assertRejected("CapacityAdjusted", capacity.deepCopy().put("locationId", ""), "locationId");
        assertRejected("CapacityAdjusted", capacity.deepCopy().put("adjustedAt", "yesterday"), "adjustedAt");
        assertRejected("CapacityAdjusted", capacity.deepCopy().putNull("adjustedAt"), "adjustedAt");

        ObjectNode escalated = (ObjectNode) JSON.readTree(codec.encode(EventSamples.first(definitionOf("RequestEscalated"))));
        assertRejected("RequestEscalated", escalated.deepCopy().put("urgency", "SOMEDAY"), "urgency");
        assertRejected("RequestEscalated", escalated.deepCopy().put("reason", "BORED"), "reason");
        assertThat(codec.decode("RequestEscalated", JSON.writeValueAsBytes(escalated.deepCopy().put("reason", "OFFER_EXPIRED"))))
                .isNotNull();

        ObjectNode location = (ObjectNode) JSON.readTree(codec.encode(EventSamples.first(definitionOf("LocationRegistered"))));
        assertRejected("LocationRegistered", location.deepCopy().put("latitude", 91.0), "latitude");
        assertRejected("LocationRegistered", location.deepCopy().put("longitude", -180.5), "longitude");
        ObjectNode address = location.deepCopy();
        ((ObjectNode) address.get("address")).remove("postcode");
        assertRejected("LocationRegistered", address, "postcode");
    }

    @Test
    void timestampsAreRfc3339WithAnOffset() {
        ObjectNode held = (ObjectNode) JSON.readTree(codec.encode(EventSamples.first(definitionOf("BedHeld"))));
        assertThat(held.get("heldAt").asString()).isEqualTo("2026-03-02T08:41:19.015Z");

        Object withOffset = codec.decode("BedHeld", JSON.writeValueAsBytes(held.deepCopy().put("heldAt", "2026-03-02T09:41:19.015+01:00")));
        assertThat(withOffset).isEqualTo(EventSamples.first(definitionOf("BedHeld")));

        byte[] noZone = JSON.writeValueAsBytes(held.deepCopy().put("heldAt", "2026-03-02T08:41:19"));
        assertThat(codec.validate("BedHeld", noZone)).anySatisfy(error -> assertThat(error).contains("heldAt"));
        assertThatThrownBy(() -> codec.decode("BedHeld", noZone)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void encodeRefusesAnEventThatBreaksItsSchema() {
        CapacityPublished negative = new CapacityPublished(
                EventSamples.LOCATION, EventSamples.REGION, EventSamples.CRISIS_STAY, 1, 2, -1, 3, EventSamples.PUBLISHED);
        assertThatThrownBy(() -> codec.encode(negative))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("availableBeds");
    }

    @Test
    void everySchemaFileBelongsToACatalogueEntry() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:schemas/*.json");
        Set<String> files = Arrays.stream(resources).map(Resource::getFilename).collect(Collectors.toSet());
        Set<String> expected = EventCatalogue.EVENTS.stream()
                .map(definition -> definition.schemaPath().substring("/schemas/".length()))
                .collect(Collectors.toSet());

        assertThat(files).as("schema files without a catalogue entry").isSubsetOf(expected);
        assertThat(files).as("catalogue entries without a schema file").containsAll(expected);
    }

    private void assertRejected(String type, JsonNode event, String property) {
        assertThatThrownBy(() -> codec.decode(type, JSON.writeValueAsBytes(event)))
                .as("%s with bad %s", type, property)
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(property);
    }

    private static EventDefinition<?> definitionOf(String type) {
        return EventCatalogue.byType(type).orElseThrow();
    }

    static JsonNode schemaJson(EventDefinition<?> definition) {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream(definition.schemaPath())) {
            assertThat(in).as("schema %s", definition.schemaPath()).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
