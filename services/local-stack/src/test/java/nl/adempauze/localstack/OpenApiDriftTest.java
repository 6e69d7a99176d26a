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

    /** Every documented path reaches its own service through the front door (and so the nginx table mirrors it). */
    @Test
    void theFrontDoorRoutesEveryDocumentedPathToItsService() {
        E2eStack stack = E2eStack.get();
        assertRoutedTo(stack, "/openapi/bed-availability.yaml", RunningServices.url(stack.services.bedAvailability));
        assertRoutedTo(stack, "/openapi/request-matching.yaml", RunningServices.url(stack.services.requestMatching));
        assertRoutedTo(stack, "/openapi/notification.yaml", RunningServices.url(stack.services.notification));
    }

    /** Sign-in goes to the development issuer (nginx: {@code location ^~ /auth/}). */
    @Test
    void theFrontDoorRoutesSignInToTheIssuer() {
        E2eStack stack = E2eStack.get();
        String issuer = RunningServices.url(stack.services.issuer);
        for (String path : java.util.List.of("/auth/token", "/auth/jwks", "/auth/users",
                "/auth/.well-known/openid-configuration")) {
            assertThat(stack.frontDoor.targetOf(path)).as("front door route of %s", path).contains(issuer);
        }
    }

    private static void assertRoutedTo(E2eStack stack, String document, String service) {
        for (String operation : OpenApiRoutes.operations(document)) {
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]*}", "x1");
            assertThat(stack.frontDoor.targetOf(path)).as("front door route of %s in %s", operation, document)
                    .contains(service);
        }
    }

    private static void assertMatches(ConfigurableApplicationContext service, String document) {
        assertThat(OpenApiRoutes.undocumentedRoutes(service, document)).as("routes missing from %s", document).isEmpty();
        assertThat(OpenApiRoutes.documentedButMissing(service, document)).as("documented in %s but not served", document)
                .isEmpty();
    }
}
