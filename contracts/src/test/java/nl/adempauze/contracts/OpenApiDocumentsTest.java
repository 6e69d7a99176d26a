package nl.adempauze.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The services' OpenAPI documents are well-formed enough to be trusted by their users and the drift tests. */
class OpenApiDocumentsTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String PROBLEM = "application/problem+json";
    /**
     * Links sent to people in messages, opened on a phone without signing in: the signed token in the link is the
     * credential, and the answer is a small HTML page for a person, not a problem (docs/SECURITY.md, "notification").
     */
    private static final Set<String> SIGNED_LINKS = Set.of("GET /api/v1/pages/ack");

    @ParameterizedTest
    @ValueSource(strings = {"bed-availability", "request-matching", "notification"})
    void parsesAsOpenApi31(String service) throws IOException {
        JsonNode document = read(service);
        assertThat(document.path("openapi").asString("")).as("openapi version").startsWith("3.1.");
        assertThat(document.at("/info/title").asString("")).isNotBlank();
        assertThat(document.at("/servers/0/url").asString("")).isEqualTo("http://localhost:8080");
        assertThat(document.path("paths").propertyNames()).as("paths").isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bed-availability", "request-matching", "notification"})
    void everyReferenceResolvesWithinTheDocument(String service) throws IOException {
        JsonNode document = read(service);
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).as("$refs").isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).as("$ref must be local to the file").startsWith("#/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bed-availability", "request-matching", "notification"})
    void everyOperationHasAUniqueIdAndASuccessResponse(String service) throws IOException {
        JsonNode document = read(service);
        Map<String, String> seen = new HashMap<>();
        for (Operation operation : operations(document)) {
            String id = operation.node().path("operationId").asString("");
            assertThat(id).as("operationId of %s", operation).isNotBlank();
            String previous = seen.put(id, operation.toString());
            assertThat(previous).as("operationId %s of %s is also used by", id, operation).isNull();

            JsonNode responses = operation.node().path("responses");
            assertThat(responses.propertyNames()).as("responses of %s", operation)
                    .anyMatch(status -> status.startsWith("2"));
        }
        assertThat(seen).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bed-availability", "request-matching", "notification"})
    void everyClientErrorIsAProblem(String service) throws IOException {
        JsonNode document = read(service);
        for (Operation operation : operations(document)) {
            if (SIGNED_LINKS.contains(operation.toString())) {
                continue;
            }
            operation.node().path("responses").properties().forEach(response -> {
                if (!response.getKey().startsWith("4")) {
                    return;
                }
                JsonNode resolved = resolve(document, response.getValue());
                JsonNode content = resolved.path("content");
                assertThat(content.propertyNames()).as("%s %s content types", operation, response.getKey())
                        .contains(PROBLEM);
                JsonNode schema = resolve(document, content.path(PROBLEM).path("schema"));
                assertThat(schema.path("properties").propertyNames())
                        .as("%s %s problem schema", operation, response.getKey())
                        .contains("type", "title", "status", "detail", "instance", "errors");
            });
        }
    }

    /** docs/SECURITY.md: every API operation takes a bearer token and says what happens without one or beyond it. */
    @ParameterizedTest
    @ValueSource(strings = {"bed-availability", "request-matching", "notification"})
    void everyApiOperationNeedsABearerTokenAndDocuments401And403(String service) throws IOException {
        JsonNode document = read(service);
        assertThat(document.at("/components/securitySchemes/bearerAuth/type").asString("")).isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asString("")).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearerAuth")).as("bearer tokens apply to every operation").isTrue();
        List<String> incomplete = new ArrayList<>();
        for (Operation operation : operations(document)) {
            if (!operation.path().startsWith("/api/")) {
                continue;
            }
            if (SIGNED_LINKS.contains(operation.toString())) {
                if (!operation.node().path("parameters").toString().contains("\"token\"")
                        || !operation.node().path("responses").has("404")) {
                    incomplete.add(operation + " (a signed link needs its token parameter and a 404)");
                }
                continue;
            }
            JsonNode security = operation.node().path("security");
            JsonNode responses = operation.node().path("responses");
            if ((security.isArray() && security.isEmpty()) || !responses.has("401") || !responses.has("403")) {
                incomplete.add(operation.toString());
            }
        }
        assertThat(incomplete).as("API operations opting out of sign-in or not documenting 401 and 403").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bed-availability", "request-matching", "notification"})
    void problemDetailNamesTheOffendingFields(String service) throws IOException {
        JsonNode errors = read(service).at("/components/schemas/ProblemDetail/properties/errors");
        assertThat(errors.path("type").asString("")).isEqualTo("array");
        JsonNode item = resolve(read(service), errors.path("items"));
        assertThat(item.path("properties").propertyNames()).contains("field", "message");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bed-availability", "request-matching", "notification"})
    void everyPathVariableIsDeclaredAndEveryTagListed(String service) throws IOException {
        JsonNode document = read(service);
        Set<String> tags = new HashSet<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asString()));
        for (Operation operation : operations(document)) {
            Set<String> declared = new HashSet<>();
            for (JsonNode parameters : List.of(operation.pathItem().path("parameters"),
                    operation.node().path("parameters"))) {
                for (JsonNode parameter : parameters) {
                    JsonNode resolved = resolve(document, parameter);
                    if ("path".equals(resolved.path("in").asString(""))) {
                        assertThat(resolved.path("required").asBoolean(false))
                                .as("path parameter %s of %s is required", resolved.path("name"), operation).isTrue();
                        declared.add(resolved.path("name").asString());
                    }
                }
            }
            Set<String> inTemplate = new HashSet<>();
            Matcher matcher = PATH_VARIABLE.matcher(operation.path());
            while (matcher.find()) {
                inTemplate.add(matcher.group(1));
            }
            assertThat(declared).as("path parameters of %s", operation).isEqualTo(inTemplate);

            assertThat(operation.node().path("tags").isEmpty()).as("%s is tagged", operation).isFalse();
            operation.node().path("tags").forEach(tag -> assertThat(tags).as("tags of %s", operation)
                    .contains(tag.asString()));
        }
    }

    private record Operation(String method, String path, JsonNode pathItem, JsonNode node) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** Operations of the paths and, where present, the webhooks. */
    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (String section : List.of("paths", "webhooks")) {
            document.path(section).properties().forEach(path -> {
                JsonNode item = resolve(document, path.getValue());
                item.properties().forEach(entry -> {
                    if (METHODS.contains(entry.getKey())) {
                        operations.add(new Operation(entry.getKey(), path.getKey(), item, entry.getValue()));
                    }
                });
            });
        }
        return operations;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            assertThat(hops).as("$ref chain at %s", current).isLessThan(10);
            String ref = current.get("$ref").asString();
            assertThat(ref).startsWith("#/");
            current = document.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("%s resolves", ref).isFalse();
        }
        return current;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref") && entry.getValue().isString()) {
                    refs.add(entry.getValue().asString());
                } else {
                    collectRefs(entry.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static JsonNode read(String service) throws IOException {
        String location = "/openapi/" + service + ".yaml";
        try (InputStream in = OpenApiDocumentsTest.class.getResourceAsStream(location)) {
            assertThat(in).as(location).isNotNull();
            return new YAMLMapper().readTree(in);
        }
    }
}
