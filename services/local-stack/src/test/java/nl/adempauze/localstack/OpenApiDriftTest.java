package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import nl.adempauze.platform.testing.OpenApiRoutes;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Every route a running service answers is in its checked-in OpenAPI document, and every documented one exists. */
class OpenApiDriftTest {

    @Test
    void eachRunningServiceMatchesItsOpenApiDocument() {
        E2eStack stack = E2eStack.get();
        assertMatches(stack.services.bedAvailability, "/openapi/bed-availability.yaml");
        assertMatches(stack.services.requestMatching, "/openapi/request-matching.yaml");
        assertMatches(stack.services.notification, "/openapi/notification.yaml");
    }

    private static void assertMatches(ConfigurableApplicationContext service, String document) {
        assertThat(OpenApiRoutes.undocumentedRoutes(service, document)).as("routes missing from %s", document).isEmpty();
        assertThat(OpenApiRoutes.documentedButMissing(service, document)).as("documented in %s but not served", document)
                .isEmpty();
    }
}
