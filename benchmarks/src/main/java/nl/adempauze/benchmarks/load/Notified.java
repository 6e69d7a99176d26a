package nl.adempauze.benchmarks.load;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as notification passes it on (live stream or webhook body: the same JSON envelope), with the moment
 * this JVM saw it.
 */
public record Notified(String type, JsonNode data, long arrivedNanos) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** From the envelope {@code {"type", "id", "time", "subject", "data"}}. */
    public static Notified parse(String envelope, long arrivedNanos) {
        JsonNode node = JSON.readTree(envelope);
        return new Notified(node.path("type").asString(), node.path("data"), arrivedNanos);
    }

    public String field(String name) {
        return data.path(name).asString();
    }
}
