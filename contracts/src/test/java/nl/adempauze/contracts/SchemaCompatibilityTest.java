package nl.adempauze.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The compatibility check itself: it passes what tolerant readers survive and names what they do not. */
class SchemaCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventDefinition<?> LOCATION_REGISTERED = EventCatalogue.byType("LocationRegistered").orElseThrow();

    private final ObjectNode released = (ObjectNode) EventSchemas.document(LOCATION_REGISTERED.schemaPath());
    private final ObjectNode current = released.deepCopy();

    @Test
    void aSchemaIsCompatibleWithItself() {
        assertThat(problems()).isEmpty();
    }

    @Test
    void optionalPropertiesMayBeAddedAndDescriptionsChanged() {
        properties(current).set("wardCount", JSON.readTree("{\"type\": \"integer\", \"minimum\": 0}"));
        properties(def(current, "Address")).set("floor", JSON.readTree("{\"type\": [\"string\", \"null\"]}"));
        ((ObjectNode) properties(current).get("name")).put("description", "Name of the location, as shown.");

        assertThat(problems()).isEmpty();
    }

    @Test
    void aNewRequiredPropertyIsNamed() {
        properties(current).set("wardCount", JSON.readTree("{\"type\": \"integer\"}"));
        ((ArrayNode) current.get("required")).add("wardCount");

        assertThat(problems()).singleElement().asString()
                .startsWith("LocationRegistered: property 'wardCount' is newly required");
    }

    @Test
    void aRequiredPropertyThatIsDroppedOrMadeOptionalIsNamed() {
        removeRequired(current, "providerName");
        properties(current).remove("providerName");
        removeRequired(def(current, "Address"), "postcode");

        assertThat(problems()).containsExactlyInAnyOrder(
                "LocationRegistered: property 'providerName' was required in the released schema and no longer is:"
                        + " consumers on the released schema need it",
                "LocationRegistered: property 'address.postcode' was required in the released schema and no longer"
                        + " is: consumers on the released schema need it");
    }

    @Test
    void aChangedTypeIsNamedAlsoWhenNestedOrWidened() {
        ((ObjectNode) properties(current).get("latitude")).put("type", "string");
        ((ObjectNode) properties(def(current, "Address")).get("city")).set("type", JSON.readTree("[\"string\", \"null\"]"));

        assertThat(problems()).containsExactlyInAnyOrder(
                "LocationRegistered: property 'latitude' type changed from [number] to [string]",
                "LocationRegistered: property 'address.city' type changed from [string] to [null, string]");
    }

    @Test
    void aNarrowedOrLoosenedConstraintIsNamed() {
        ((ObjectNode) properties(current).get("locationId")).put("minLength", 3);
        ((ObjectNode) properties(def(current, "FunderContract")).get("careTypes").get("items")).put("pattern", "^[A-Z]+$");

        assertThat(problems()).containsExactlyInAnyOrder(
                "LocationRegistered: property 'locationId' minLength changed from 1 to 3",
                "LocationRegistered: property 'contracts[].careTypes[]' pattern changed from \"^[A-Z][A-Z0-9_]*$\" to \"^[A-Z]+$\"");
    }

    @Test
    void enumValuesAddedOrRemovedAreNamed() {
        ObjectNode releasedWithEnum = released.deepCopy();
        properties(releasedWithEnum).set("closedReason", JSON.readTree("{\"enum\": [\"OUTBREAK\", \"OTHER\"]}"));
        properties(current).set("closedReason", JSON.readTree("{\"enum\": [\"OUTBREAK\", \"CALAMITY\"]}"));

        assertThat(SchemaCompatibility.problems("LocationRegistered", releasedWithEnum, current)).containsExactlyInAnyOrder(
                "LocationRegistered: property 'closedReason' enum values added [CALAMITY]: consumers on the released"
                        + " schema reject them",
                "LocationRegistered: property 'closedReason' enum values removed [OTHER]: events written under the"
                        + " released schema carry them");
    }

    @Test
    void theEventAndThePropertyAreNamedInTheReleasedSchemasCheck() {
        ((ObjectNode) properties(current).get("open")).put("type", "string");

        assertThat(problems()).singleElement().asString()
                .isEqualTo("LocationRegistered: property 'open' type changed from [boolean] to [string]");
    }

    private java.util.List<String> problems() {
        return SchemaCompatibility.problems("LocationRegistered", released, current);
    }

    private static ObjectNode properties(JsonNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static ObjectNode def(ObjectNode schema, String name) {
        return (ObjectNode) schema.get("$defs").get(name);
    }

    private static void removeRequired(ObjectNode schema, String property) {
        ArrayNode required = (ArrayNode) schema.get("required");
        for (int i = 0; i < required.size(); i++) {
            if (required.get(i).asString().equals(property)) {
                required.remove(i);
                return;
            }
        }
    }
}
