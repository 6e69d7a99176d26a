package nl.adempauze.localstack;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The single address of the local stack: routes {@code /api/...} to the service that owns the resource and
 * {@code /auth/...} to the development issuer, streaming both ways (so the live SSE stream passes through), and
 * serves the OpenAPI, AsyncAPI and JSON Schema documents under {@code /docs/} and the web app at {@code /}. In
 * docker-compose nginx plays this part with the same table.
 */
public final class FrontDoor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
    private static final Map<String, String> DOCUMENT_TYPES = Map.of(
            ".yaml", "application/yaml", ".json", "application/schema+json", ".html", "text/html; charset=utf-8");

    private final List<Route> routes;
    private final HttpClient client = HttpClient.create().followRedirect(false);
    private final DisposableServer server;

    private FrontDoor(int port, List<Route> routes) {
        this.routes = routes;
        this.server = HttpServer.create().port(port).handle(this::handle).bindNow();
    }

    /** The front door of a running stack: its issuer and three services. */
    public static FrontDoor start(int port, RunningServices services) {
        return start(port, RunningServices.url(services.issuer), RunningServices.url(services.bedAvailability),
                RunningServices.url(services.requestMatching), RunningServices.url(services.notification));
    }

    public static FrontDoor start(int port, String issuer, String bedAvailability, String requestMatching,
                                  String notification) {
        return new FrontDoor(port, List.of(
                Route.of("/auth/**", issuer),
                Route.of("/api/v1/subscriptions/**", notification),
                Route.of("/api/v1/live", notification),
                Route.of("/api/v1/requests/**", requestMatching),
                Route.of("/api/v1/offers/**", requestMatching),
                Route.of("/api/v1/locations/{locationId}/offers", requestMatching),
                Route.of("/api/v1/regions/{region}/requests", requestMatching),
                Route.of("/api/v1/regions/{region}/escalations", requestMatching),
                Route.of("/api/v1/regions/{region}/waiting-list", requestMatching),
                Route.of("/api/v1/regions/{region}/figures", requestMatching),
                Route.of("/api/v1/regions/{region}/figures.csv", requestMatching),
                Route.of("/api/v1/audit", requestMatching),
                Route.of("/api/**", bedAvailability)));
    }

    /** Where the front door sends a request for {@code path}; empty when no route takes it. */
    public java.util.Optional<String> targetOf(String path) {
        return routes.stream().filter(route -> route.matches(path)).findFirst().map(Route::target);
    }

    public int port() {
        return server.port();
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = request.fullPath();
        if (path.startsWith("/docs/") || path.equals("/docs")) {
            return document(path, response);
        }
        if (!path.startsWith("/api/") && !path.startsWith("/auth/") && WebAppFiles.serves(path)) {
            return WebAppFiles.send(path, response);
        }
        return routes.stream().filter(route -> route.matches(path)).findFirst()
                .map(route -> proxy(route.target(), request, response))
                .orElseGet(() -> response.status(HttpResponseStatus.NOT_FOUND)
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .sendString(Mono.just("{\"title\":\"Not found\",\"status\":404,\"detail\":\"No route for "
                                + path.replace("\"", "") + "\"}")).then());
    }

    private Mono<Void> proxy(String target, HttpServerRequest request, HttpServerResponse response) {
        return client
                .headers(headers -> {
                    headers.set(request.requestHeaders());
                    headers.remove(HttpHeaderNames.HOST);
                })
                .request(HttpMethod.valueOf(request.method().name()))
                .uri(target + request.uri())
                .send((outbound, out) -> out.send(request.receive().retain()))
                .response((inbound, body) -> {
                    response.status(inbound.status());
                    response.headers(inbound.responseHeaders().copy()
                            .remove(HttpHeaderNames.TRANSFER_ENCODING));
                    // flush each chunk as it comes: SSE must not wait for a buffer to fill
                    return response.sendObject(body.retain()).then();
                })
                .then()
                .onErrorResume(e -> {
                    if (response.hasSentHeaders()) {
                        return Mono.empty(); // a stream the caller left (a closed live page): nothing to answer
                    }
                    // a 502 is all the caller gets: the cause belongs in the log, or nobody can find it later
                    LOG.warn("Front door could not pass {} {} to {}: {}", request.method(), request.uri(), target,
                            e.toString());
                    return response.status(HttpResponseStatus.BAD_GATEWAY)
                            .header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                            .sendString(Mono.just("{\"title\":\"Service unavailable\",\"status\":502}")).then();
                });
    }

    private Mono<Void> document(String path, HttpServerResponse response) {
        String resource = path.equals("/docs") || path.equals("/docs/")
                ? "frontdoor/index.html" : path.substring("/docs/".length());
        if (resource.contains("..") || !(resource.startsWith("openapi/") || resource.startsWith("asyncapi/")
                || resource.startsWith("schemas/") || resource.startsWith("frontdoor/"))) {
            return response.status(HttpResponseStatus.NOT_FOUND).send().then();
        }
        try (InputStream in = FrontDoor.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                return response.status(HttpResponseStatus.NOT_FOUND).send().then();
            }
            byte[] bytes = in.readAllBytes();
            String type = DOCUMENT_TYPES.entrySet().stream().filter(e -> resource.endsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse("text/plain");
            return response.header(HttpHeaderNames.CONTENT_TYPE, type).sendByteArray(Mono.just(bytes)).then();
        } catch (IOException e) {
            return response.status(HttpResponseStatus.INTERNAL_SERVER_ERROR).send().then();
        }
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
