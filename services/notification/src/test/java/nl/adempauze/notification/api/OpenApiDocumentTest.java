package nl.adempauze.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.platform.testing.OpenApiRoutes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The service's OpenAPI document describes exactly the routes it serves, that they need a token, and 403s. */
class OpenApiDocumentTest extends NotificationIntegrationTest {

    private static final String DOCUMENT = "/openapi/notification.yaml";

    @Autowired
    private ApplicationContext context;

    @Test
    void documentsEveryRouteAndNothingElse() {
        assertThat(OpenApiRoutes.undocumentedRoutes(context, DOCUMENT)).as("served but not documented").isEmpty();
        assertThat(OpenApiRoutes.documentedButMissing(context, DOCUMENT)).as("documented but not served").isEmpty();
    }

    @Test
    void everyApiOperationNeedsABearerTokenAndDocuments401And403() throws IOException {
        JsonNode document;
        try (InputStream in = getClass().getResourceAsStream(DOCUMENT)) {
            document = new YAMLMapper().readTree(in);
        }
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asString("")).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearerAuth")).as("bearer tokens apply to every operation").isTrue();

        List<String> incomplete = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!path.getKey().startsWith("/api/") || !operation.getValue().has("responses")) {
                return;
            }
            JsonNode security = operation.getValue().path("security");
            assertThat(security.isArray() && security.isEmpty()).as("%s %s opts out of sign-in", operation.getKey(),
                    path.getKey()).isFalse();
            JsonNode responses = operation.getValue().path("responses");
            // ADMIN is refused everywhere; a subscription of another organisation is 404
            if (!responses.has("401") || !responses.has("403")
                    || (path.getKey().contains("{id}") && !responses.has("404"))) {
                incomplete.add(operation.getKey() + " " + path.getKey());
            }
        }));
        assertThat(incomplete).as("API operations not documenting 401, 403 (and 404 for one subscription)")
                .isEmpty();
    }
}
