package nl.adempauze.platform.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link nl.adempauze.platform.testing.MalformedBodies} does not (yet) make: well-formed JSON whose text
 * PostgreSQL cannot store as sent. Every string of a valid body in turn gets a NUL character (a TEXT column cannot
 * hold one: stored, it fails the statement) or an unpaired surrogate (the driver would store '?' in its place). The
 * property is {@link nl.adempauze.platform.testing.MalformedBodyCheck}'s: never a 5xx; a refusal is a problem and
 * changes nothing ({@link TableContents}). A 2xx is allowed here too (a date is parsed leniently, with what surrounds
 * it trimmed); a test that knows every string of its body is stored as text expects them all refused.
 */
public final class UnstorableTextCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Stands in for the escape {@code \ud800}, which a JSON generator will not write on its own. */
    private static final String SURROGATE_MARK = "@@unpaired-surrogate@@";

    private UnstorableTextCheck() {
    }

    /** Two variants per string of {@code validJson}, every one of them, in a fixed order. */
    public static List<MalformedBodies.Variant> of(String validJson) {
        JsonNode root = JSON.readTree(validJson);
        List<MalformedBodies.Variant> variants = new ArrayList<>();
        spoilStrings(root, root, "", variants);
        return variants;
    }

    /**
     * Returns the descriptions of the variants that were refused (4xx), for the test's own expectation; fails
     * listing every variant that broke the property.
     */
    public static List<String> check(WebTestClient web, DatabaseClient db, HttpMethod method, String uri,
                                     Consumer<HttpHeaders> signIn, String validJson) {
        List<MalformedBodies.Variant> variants = of(validJson);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("No text to spoil in " + validJson);
        }
        return MalformedBodyCheck.sendAll(web, db, method, uri, signIn, variants,
                "bodies with text that cannot be stored");
    }

    /** The descriptions of every variant of {@code validJson}, to compare with what {@link #check} refused. */
    public static List<String> descriptions(String validJson) {
        return of(validJson).stream().map(MalformedBodies.Variant::description).toList();
    }

    private static void spoilStrings(JsonNode root, JsonNode node, String path, List<MalformedBodies.Variant> out) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.propertyNames().forEach(names::add);
            for (String name : names) {
                String field = path.isEmpty() ? name : path + "." + name;
                JsonNode value = object.get(name);
                if (value.isString()) {
                    object.put(name, value.asString() + "\u0000");
                    out.add(variant(field + " with a NUL character", root));
                    object.put(name, SURROGATE_MARK + value.asString());
                    out.add(variant(field + " with an unpaired surrogate", root));
                    object.set(name, value);
                } else {
                    spoilStrings(root, value, field, out);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                String element = path + "[" + i + "]";
                JsonNode value = array.get(i);
                if (value.isString()) {
                    array.set(i, value.asString() + "\u0000");
                    out.add(variant(element + " with a NUL character", root));
                    array.set(i, SURROGATE_MARK + value.asString());
                    out.add(variant(element + " with an unpaired surrogate", root));
                    array.set(i, value);
                } else {
                    spoilStrings(root, value, element, out);
                }
            }
        }
    }

    private static MalformedBodies.Variant variant(String description, JsonNode root) {
        return new MalformedBodies.Variant(description, JSON.writeValueAsString(root)
                .replace(SURROGATE_MARK, "\\ud800").getBytes(StandardCharsets.UTF_8));
    }
}
