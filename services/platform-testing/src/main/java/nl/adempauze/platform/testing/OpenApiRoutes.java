package nl.adempauze.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Drift between a running WebFlux service and its OpenAPI document ({@code contracts:/openapi/<service>.yaml}).
 * Routes are the annotated handler methods of every {@link RequestMappingHandlerMapping} in the context, as
 * {@code "METHOD /path"}; only paths under {@code /api} count on either side, so error handlers and the
 * actuator (served by its own mapping, documented for operators only) are left out. Path variables are compared
 * by position, not by name: {@code /offers/{id}} and {@code /offers/{offerId}} are the same route.
 * <pre>{@code
 * assertThat(OpenApiRoutes.undocumentedRoutes(context, "/openapi/notification.yaml")).isEmpty();
 * assertThat(OpenApiRoutes.documentedButMissing(context, "/openapi/notification.yaml")).isEmpty();
 * }</pre>
 */
public final class OpenApiRoutes {

    /** A handler mapped without HTTP methods answers every method. */
    public static final String ANY_METHOD = "*";

    private static final String API_PREFIX = "/api";
    private static final Set<String> OPERATION_KEYS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    private OpenApiRoutes() {
    }

    /** Routes the service serves under {@code /api} that its document does not describe, sorted. */
    public static List<String> undocumentedRoutes(ApplicationContext context, String openApiResource) {
        Set<Route> documented = documented(openApiResource);
        return served(context).stream()
                .filter(route -> !isDocumented(route, documented))
                .map(Route::toString)
                .toList();
    }

    /** Operations under {@code /api} the document describes but the service does not serve, sorted. */
    public static List<String> documentedButMissing(ApplicationContext context, String openApiResource) {
        Set<Route> served = served(context);
        return documented(openApiResource).stream()
                .filter(operation -> !isServed(operation, served))
                .map(Route::toString)
                .toList();
    }

    /** Every route of the context's request mappings under {@code /api}, as {@code "METHOD /path"}, sorted. */
    public static List<String> routes(ApplicationContext context) {
        return served(context).stream().map(Route::toString).toList();
    }

    /** Every operation of the document under {@code /api}, as {@code "METHOD /path"}, sorted. */
    public static List<String> operations(String openApiResource) {
        return documented(openApiResource).stream().map(Route::toString).toList();
    }

    private static boolean isDocumented(Route route, Set<Route> documented) {
        return documented.stream().anyMatch(operation -> operation.samePath(route)
                && (route.method().equals(ANY_METHOD) || operation.method().equals(route.method())));
    }

    private static boolean isServed(Route operation, Set<Route> served) {
        return served.stream().anyMatch(route -> route.samePath(operation)
                && (route.method().equals(ANY_METHOD) || route.method().equals(operation.method())));
    }

    private static Set<Route> served(ApplicationContext context) {
        Set<Route> routes = new TreeSet<>(Route.ORDER);
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                    String path = pattern.getPatternString();
                    if (!underApi(path)) {
                        continue;
                    }
                    if (methods.isEmpty()) {
                        routes.add(new Route(ANY_METHOD, path));
                    }
                    methods.forEach(method -> routes.add(new Route(method.name(), path)));
                }
            }
        }
        return routes;
    }

    private static Set<Route> documented(String openApiResource) {
        JsonNode document = read(openApiResource);
        Set<Route> operations = new TreeSet<>(Route.ORDER);
        document.path("paths").properties().forEach(path -> {
            if (!underApi(path.getKey())) {
                return;
            }
            path.getValue().propertyNames().stream()
                    .filter(OPERATION_KEYS::contains)
                    .forEach(method -> operations.add(new Route(method.toUpperCase(Locale.ROOT), path.getKey())));
        });
        return operations;
    }

    private static JsonNode read(String openApiResource) {
        String location = openApiResource.startsWith("/") ? openApiResource : "/" + openApiResource;
        InputStream in = OpenApiRoutes.class.getResourceAsStream(location);
        if (in == null) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            in = loader == null ? null : loader.getResourceAsStream(location.substring(1));
        }
        if (in == null) {
            throw new IllegalArgumentException("No OpenAPI document on the classpath at " + location);
        }
        try (InputStream document = in) {
            JsonNode root = new YAMLMapper().readTree(document);
            if (root == null || !root.path("paths").isObject()) {
                throw new IllegalArgumentException(location + " has no paths: not an OpenAPI document");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location, e);
        }
    }

    private static boolean underApi(String path) {
        return path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/");
    }

    /** Path with variables reduced to {@code {}} and without a trailing slash. */
    static String normalise(String path) {
        String normalised = VARIABLE.matcher(path).replaceAll("{}");
        return normalised.length() > 1 && normalised.endsWith("/")
                ? normalised.substring(0, normalised.length() - 1) : normalised;
    }

    private record Route(String method, String path) {

        static final Comparator<Route> ORDER = Comparator.comparing((Route route) -> normalise(route.path()))
                .thenComparing(Route::method);

        boolean samePath(Route other) {
            return normalise(path).equals(normalise(other.path()));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
