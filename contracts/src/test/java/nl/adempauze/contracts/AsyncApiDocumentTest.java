package nl.adempauze.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class AsyncApiDocumentTest {

    private static final String LOCATION = "/asyncapi/asyncapi.yaml";

    /** Who consumes what: service, topic and the event types it handles (empty = every type on the topic). */
    private static final List<Consumption> CONSUMERS = List.of(
            new Consumption(EventCatalogue.BED_AVAILABILITY, EventCatalogue.OFFERS,
                    Set.of("HoldRequested", "OfferAccepted", "OfferDeclined", "OfferExpired", "OfferWithdrawn")),
            new Consumption(EventCatalogue.REQUEST_MATCHING, EventCatalogue.LOCATIONS, Set.of()),
            new Consumption(EventCatalogue.REQUEST_MATCHING, EventCatalogue.CAPACITY, Set.of()),
            new Consumption(EventCatalogue.REQUEST_MATCHING, EventCatalogue.HOLDS, Set.of()),
            new Consumption(EventCatalogue.NOTIFICATION, EventCatalogue.OFFERS, Set.of()),
            new Consumption(EventCatalogue.NOTIFICATION, EventCatalogue.REQUESTS, Set.of()),
            new Consumption(EventCatalogue.NOTIFICATION, EventCatalogue.CAPACITY, Set.of()),
            new Consumption(EventCatalogue.NOTIFICATION, EventCatalogue.LOCATIONS, Set.of()));

    private static JsonNode document;
    /** Channel id by address (topic name). */
    private static Map<String, String> channelByAddress;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(LOCATION)) {
            assertThat(in).as(LOCATION).isNotNull();
            document = new YAMLMapper().readTree(in);
        }
        channelByAddress = new HashMap<>();
        document.get("channels").properties().forEach(channel -> {
            String previous = channelByAddress.put(channel.getValue().get("address").asString(), channel.getKey());
            assertThat(previous).as("two channels for %s", channel.getValue().get("address")).isNull();
        });
    }

    @Test
    void isAnAsyncApi3DocumentWithALocalKafkaServer() {
        assertThat(document.get("asyncapi").asString()).startsWith("3.");
        assertThat(document.at("/info/title").asString()).isEqualTo("Adempauze events");
        JsonNode local = document.at("/servers/local");
        assertThat(local.get("host").asString()).isEqualTo("localhost:9092");
        assertThat(local.get("protocol").asString()).isEqualTo("kafka");
    }

    @Test
    void everyTopicAndDeadLetterTopicIsAChannel() {
        for (Topic topic : EventCatalogue.TOPICS) {
            assertThat(channelByAddress).as("channels by address").containsKey(topic.name());
            assertThat(channelByAddress).as("channels by address").containsKey(topic.deadLetter());
        }
        assertThat(channelByAddress).hasSize(EventCatalogue.TOPICS.size() * 2);
    }

    @Test
    void everyEventIsAMessageOnTheChannelOfItsTopic() {
        for (Topic topic : EventCatalogue.TOPICS) {
            JsonNode messages = channel(topic.name()).get("messages");
            List<String> types = EventCatalogue.onTopic(topic).stream().map(EventDefinition::type).toList();
            assertThat(messages.propertyNames()).as(topic.name()).containsExactlyInAnyOrderElementsOf(types);

            for (String type : types) {
                JsonNode message = resolve(messages.get(type));
                assertThat(message.get("name").asString()).isEqualTo(type);
                assertThat(message.path("contentType").asString(document.path("defaultContentType").asString()))
                        .isEqualTo("application/json");
                assertThat(message.at("/bindings/kafka/key/description").asString()).as(type).isNotBlank();
                assertThat(resolve(message.get("headers")).toString()).contains("CloudEventsHeaders");
            }
        }
    }

    @Test
    void payloadsReferToTheEventSchemas() {
        for (EventDefinition<?> definition : EventCatalogue.EVENTS) {
            JsonNode message = resolve(channel(definition.topic().name()).at("/messages/" + definition.type()));
            String payload = message.at("/payload/$ref").asString();
            String resolved = URI.create(LOCATION).resolve(payload).getPath();

            assertThat(resolved).as("payload of %s", definition.type()).isEqualTo(definition.schemaPath());
            assertThat(getClass().getResource(resolved)).as(resolved).isNotNull();
            assertThat(resolve(message.get("headers")).toString()).as("dataschema of %s", definition.type())
                    .contains("\"ce_dataschema\":{\"const\":\"" + definition.dataSchema() + "\"}");
        }
    }

    @Test
    void capacityKeyIsDescribedAsLocationAndCareType() {
        JsonNode message = resolve(channel(EventCatalogue.CAPACITY.name()).at("/messages/CapacityPublished"));
        assertThat(message.at("/bindings/kafka/key/description").asString()).contains("<locationId>/<careType>");
    }

    @Test
    void cloudEventsHeadersAreDescribed() {
        JsonNode headers = document.at("/components/schemas/CloudEventsHeaders/properties");
        assertThat(headers.propertyNames()).contains("ce_id", "ce_source", "ce_type", "ce_time", "ce_subject",
                "ce_dataschema", "ce_specversion", "traceparent");
    }

    @Test
    void onlyTheOwnerSendsOnATopic() {
        for (Topic topic : EventCatalogue.TOPICS) {
            List<JsonNode> senders = operations("send", channelByAddress.get(topic.name()));
            assertThat(senders).as("send operations on %s", topic.name()).hasSize(1);
            assertThat(services(senders.get(0))).containsExactly(topic.owner());
            assertThat(messageTypes(senders.get(0))).containsExactlyInAnyOrderElementsOf(
                    EventCatalogue.onTopic(topic).stream().map(EventDefinition::type).toList());
        }
    }

    @Test
    void consumersReceiveWhatTheyHandle() {
        for (Topic topic : EventCatalogue.TOPICS) {
            Map<String, Set<String>> expected = CONSUMERS.stream()
                    .filter(consumption -> consumption.topic().equals(topic))
                    .collect(Collectors.toMap(Consumption::service, consumption -> consumption.types().isEmpty()
                            ? EventCatalogue.onTopic(topic).stream().map(EventDefinition::type).collect(Collectors.toSet())
                            : consumption.types()));
            Map<String, Set<String>> actual = new HashMap<>();
            for (JsonNode operation : operations("receive", channelByAddress.get(topic.name()))) {
                List<String> services = services(operation);
                assertThat(services).as("services of a receive operation on %s", topic.name()).hasSize(1);
                actual.put(services.get(0), Set.copyOf(messageTypes(operation)));
            }
            assertThat(actual).as("receivers of %s", topic.name()).isEqualTo(expected);
        }
    }

    @Test
    void everyConsumerCanDeadLetterWhatItReceives() {
        for (Consumption consumption : CONSUMERS) {
            String channelId = channelByAddress.get(consumption.topic().deadLetter());
            assertThat(operations("send", channelId).stream().flatMap(operation -> services(operation).stream()))
                    .as("senders on %s", consumption.topic().deadLetter())
                    .contains(consumption.service());
        }
    }

    @Test
    void everyLocalReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertThat(references).isNotEmpty();
        for (String reference : references) {
            if (reference.startsWith("#/")) {
                assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
            } else {
                String path = URI.create(LOCATION).resolve(reference).getPath();
                assertThat(getClass().getResource(path)).as(reference).isNotNull();
            }
        }
    }

    private static JsonNode channel(String address) {
        String id = channelByAddress.get(address);
        assertThat(id).as("channel for %s", address).isNotNull();
        return document.get("channels").get(id);
    }

    private static List<JsonNode> operations(String action, String channelId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode operation : document.get("operations").values()) {
            if (operation.get("action").asString().equals(action)
                    && resolve(operation.get("channel")) == document.get("channels").get(channelId)) {
                found.add(operation);
            }
        }
        return found;
    }

    /** The services an operation belongs to: its tags, except the "dead-letter" tag. */
    private static List<String> services(JsonNode operation) {
        List<String> services = new ArrayList<>();
        operation.path("tags").forEach(tag -> services.add(tag.get("name").asString()));
        services.remove("dead-letter");
        return services;
    }

    private static List<String> messageTypes(JsonNode operation) {
        List<String> types = new ArrayList<>();
        operation.get("messages").forEach(reference -> types.add(resolve(reference).get("name").asString()));
        return types;
    }

    /** Follows local {@code $ref}s until a node without one. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current != null && current.has("$ref"); depth++) {
            assertThat(depth).as("reference chain too long at %s", node).isLessThan(10);
            String reference = current.get("$ref").asString();
            if (!reference.startsWith("#/")) {
                return current;
            }
            current = document.at(reference.substring(1));
            assertThat(current.isMissingNode()).as(reference).isFalse();
        }
        return current;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.properties().forEach(property -> {
                if (property.getKey().equals("$ref")) {
                    references.add(property.getValue().asString());
                } else {
                    collectReferences(property.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }

    private record Consumption(String service, Topic topic, Set<String> types) {
    }
}
