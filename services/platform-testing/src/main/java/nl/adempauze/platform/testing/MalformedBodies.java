package nl.adempauze.platform.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies a write endpoint must refuse gracefully, made from one valid body: every field removed, every field given a
 * value of each wrong kind (null, boolean, number, text, empty, huge, array, object), an unknown field on every
 * object, and broken JSON (truncated, trailing content, duplicate keys, deep nesting, not JSON at all); plus random
 * byte-level corruptions from a seed. Some variants may still be valid (an optional field removed): the property to
 * check is "never a 5xx; and a refusal changes nothing".
 */
public final class MalformedBodies {

    /** One malformed body and what was done to the valid one. */
    public record Variant(String description, byte[] body) {

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return description + ": " + (text.length() > 120 ? text.substring(0, 120) + "..." : text);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MalformedBodies() {
    }

    /** The structured variants of {@code validJson}, every one of them, in a fixed order. */
    public static List<Variant> of(String validJson) {
        JsonNode valid = JSON.readTree(validJson);
        List<Variant> variants = new ArrayList<>();
        mutateObjects(valid, valid, "", variants);
        String text = valid.toString();
        variants.add(new Variant("empty body", new byte[0]));
        variants.add(new Variant("JSON null", "null".getBytes(StandardCharsets.UTF_8)));
        variants.add(new Variant("a JSON array", "[]".getBytes(StandardCharsets.UTF_8)));
        variants.add(new Variant("a JSON string", "\"text\"".getBytes(StandardCharsets.UTF_8)));
        variants.add(new Variant("a JSON number", "42".getBytes(StandardCharsets.UTF_8)));
        variants.add(new Variant("truncated", text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8)));
        variants.add(new Variant("trailing content", (text + " {\"more\":1}").getBytes(StandardCharsets.UTF_8)));
        variants.add(new Variant("not JSON", "region=drenthe&careType=ELV".getBytes(StandardCharsets.UTF_8)));
        variants.add(new Variant("deeply nested", ("[".repeat(5000) + "]".repeat(5000))
                .getBytes(StandardCharsets.UTF_8)));
        variants.add(new Variant("invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}));
        if (valid.isObject() && valid.size() > 0) {
            Map.Entry<String, JsonNode> first = valid.properties().iterator().next();
            variants.add(new Variant("duplicate key " + first.getKey(), ("{\"" + first.getKey() + "\":"
                    + first.getValue() + "," + text.substring(1)).getBytes(StandardCharsets.UTF_8)));
        }
        return variants;
    }

    /** {@code count} random byte-level corruptions of {@code validJson} (flip, insert, delete, cut), from {@code random}. */
    public static List<Variant> random(String validJson, Random random, int count) {
        byte[] valid = JSON.readTree(validJson).toString().getBytes(StandardCharsets.UTF_8);
        byte[] alphabet = "{}[]\":,0123456789.-eE truefalsn\\x\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] body = valid.clone();
            int edits = 1 + random.nextInt(3);
            StringBuilder what = new StringBuilder("random");
            for (int e = 0; e < edits && body.length > 1; e++) {
                int at = random.nextInt(body.length);
                switch (random.nextInt(4)) {
                    case 0 -> {
                        body[at] = alphabet[random.nextInt(alphabet.length)];
                        what.append(" flip@").append(at);
                    }
                    case 1 -> {
                        byte[] longer = new byte[body.length + 1];
                        System.arraycopy(body, 0, longer, 0, at);
                        longer[at] = alphabet[random.nextInt(alphabet.length)];
                        System.arraycopy(body, at, longer, at + 1, body.length - at);
                        body = longer;
                        what.append(" insert@").append(at);
                    }
                    case 2 -> {
                        byte[] shorter = new byte[body.length - 1];
                        System.arraycopy(body, 0, shorter, 0, at);
                        System.arraycopy(body, at + 1, shorter, at, body.length - at - 1);
                        body = shorter;
                        what.append(" delete@").append(at);
                    }
                    default -> {
                        byte[] cut = new byte[at];
                        System.arraycopy(body, 0, cut, 0, at);
                        body = cut;
                        what.append(" cut@").append(at);
                    }
                }
            }
            variants.add(new Variant(what.toString(), body));
        }
        return variants;
    }

    private static void mutateObjects(JsonNode root, JsonNode node, String path, List<Variant> variants) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.propertyNames().forEach(names::add);
            for (String name : names) {
                String field = path.isEmpty() ? name : path + "." + name;
                JsonNode original = object.get(name);
                object.remove(name);
                variants.add(variant("without " + field, root));
                for (Map.Entry<String, JsonNode> wrong : wrongValues().entrySet()) {
                    if (!sameKind(original, wrong.getValue())) {
                        object.set(name, wrong.getValue());
                        variants.add(variant(field + " as " + wrong.getKey(), root));
                    }
                }
                object.set(name, original);
                restoreOrder(object, names);
                mutateObjects(root, original, field, variants);
            }
            object.put("unexpectedField", "x");
            variants.add(variant("unknown field at " + (path.isEmpty() ? "top" : path), root));
            object.remove("unexpectedField");
        } else if (node.isArray() && node.size() > 0) {
            mutateObjects(root, node.get(0), path + "[0]", variants);
            ArrayNode array = (ArrayNode) node;
            JsonNode first = array.get(0);
            array.set(0, NODES.objectNode());
            variants.add(variant(path + "[0] as an empty object", root));
            array.set(0, first);
        }
    }

    private static Map<String, JsonNode> wrongValues() {
        Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        values.put("null", NODES.nullNode());
        values.put("a boolean", NODES.booleanNode(true));
        values.put("a number", NODES.numberNode(123456789));
        values.put("a negative number", NODES.numberNode(-1));
        values.put("a fraction", NODES.numberNode(1.5));
        values.put("text", NODES.stringNode("onzin"));
        values.put("empty text", NODES.stringNode(""));
        values.put("huge text", NODES.stringNode("x".repeat(20_000)));
        values.put("an array", NODES.arrayNode().add("x"));
        values.put("an object", NODES.objectNode().put("x", 1));
        return values;
    }

    private static boolean sameKind(JsonNode a, JsonNode b) {
        return a.getNodeType() == b.getNodeType() && a.equals(b);
    }

    private static void restoreOrder(ObjectNode object, List<String> names) {
        ObjectNode copy = object.deepCopy();
        object.removeAll();
        for (String name : names) {
            object.set(name, copy.get(name));
        }
        Iterator<String> rest = copy.propertyNames().iterator();
        while (rest.hasNext()) {
            String name = rest.next();
            if (!object.has(name)) {
                object.set(name, copy.get(name));
            }
        }
    }

    private static Variant variant(String description, JsonNode root) {
        return new Variant(description, root.toString().getBytes(StandardCharsets.UTF_8));
    }
}
