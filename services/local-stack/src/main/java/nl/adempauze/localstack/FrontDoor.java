package nl.adempauze.localstack;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single address of the local stack: routes {@code /api/...} to the service that owns the resource and
 * {@code /auth/...} to the development issuer (the table is {@link Routes}), streaming answers back (so the live SSE
 * stream passes through), and serves the OpenAPI, AsyncAPI and JSON Schema documents under {@code /docs/} and the web
 * app at {@code /}. A service may run as several instances: the front door takes them in turn, and passes a request
 * whose connection an instance refuses (it is down) to the next, which is safe for any method, as nothing reached
 * the one that refused. In docker-compose nginx plays this part with the same table, the same forwarded headers and
 * the same body limit.
 */
public final class FrontDoor implements AutoCloseable {

    /**
     * The largest request body passed on: the services' own limit ({@code adempauze.web.max-body-size}, 64 KB unless
     * configured; see {@code platform.web.BodySizeLimit}), so a body they would refuse is refused here the same way.
     */
    public static final long MAX_BODY_BYTES = 64 * 1024;
    /** A refused body up to this size is read to its end before the answer (see {@link #drained}). */
    static final long DRAINED_AT_MOST = 16L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> DOCUMENT_TYPES = Map.of(
            ".yaml", "application/yaml", ".json", "application/schema+json", ".html", "text/html; charset=utf-8");

    /** The instances of each upstream, and whose turn it is next. */
    private final Map<Upstream, List<String>> upstreams;
    private final Map<Upstream, AtomicInteger> turns = new EnumMap<>(Upstream.class);
    private final HttpClient client = HttpClient.create().followRedirect(false);
    private final DisposableServer server;
    /** The local stack's outbox page, or null (end-to-end tests). */
    private final DevOutbox outbox;

    private FrontDoor(int port, Map<Upstream, List<String>> upstreams, DevOutbox outbox) {
        this.upstreams = Map.copyOf(upstreams);
        upstreams.keySet().forEach(upstream -> turns.put(upstream, new AtomicInteger()));
        this.outbox = outbox;
        this.server = HttpServer.create().port(port).handle(this::handle).bindNow();
    }

    /** The front door of a running stack: its issuer and three services. */
    public static FrontDoor start(int port, RunningServices services) {
        return start(port, services, null);
    }

    /** The same, also showing what the local stack's stand-in channels received at {@value DevOutbox#PATH}. */
    public static FrontDoor start(int port, RunningServices services, DevOutbox outbox) {
        return new FrontDoor(port, upstreams(RunningServices.url(services.issuer),
                RunningServices.url(services.bedAvailability), RunningServices.url(services.requestMatching),
                RunningServices.url(services.notification)), outbox);
    }

    public static FrontDoor start(int port, String issuer, String bedAvailability, String requestMatching,
                                  String notification) {
        return new FrontDoor(port, upstreams(issuer, List.of(bedAvailability), List.of(requestMatching),
                List.of(notification)), null);
    }

    /** The front door of services that run as several instances each (addresses in the order to take them). */
    public static FrontDoor start(int port, String issuer, List<String> bedAvailability, List<String> requestMatching,
                                  List<String> notification, DevOutbox outbox) {
        return new FrontDoor(port, upstreams(issuer, bedAvailability, requestMatching, notification), outbox);
    }

    private static Map<Upstream, List<String>> upstreams(String issuer, String bedAvailability, String requestMatching,
                                                         String notification) {
        return upstreams(issuer, List.of(bedAvailability), List.of(requestMatching), List.of(notification));
    }

    private static Map<Upstream, List<String>> upstreams(String issuer, List<String> bedAvailability,
                                                         List<String> requestMatching, List<String> notification) {
        if (bedAvailability.isEmpty() || requestMatching.isEmpty() || notification.isEmpty()) {
            throw new IllegalArgumentException("Every service needs at least one instance");
        }
        return Map.of(Upstream.ISSUER, List.of(issuer), Upstream.BED_AVAILABILITY, List.copyOf(bedAvailability),
                Upstream.REQUEST_MATCHING, List.copyOf(requestMatching), Upstream.NOTIFICATION,
                List.copyOf(notification));
    }

    /** Where the front door sends a request for {@code path} next; empty when no route takes it. */
    public Optional<String> targetOf(String path) {
        return targetsOf(path).map(targets -> targets.get(0));
    }

    /** The instances of the path's upstream, the one whose turn it is first; empty when no route takes it. */
    private Optional<List<String>> targetsOf(String path) {
        return Routes.upstreamOf(path).map(upstream -> {
            List<String> instances = upstreams.get(upstream);
            int first = Math.floorMod(turns.get(upstream).getAndIncrement(), instances.size());
            List<String> inTurn = new ArrayList<>(instances.subList(first, instances.size()));
            inTurn.addAll(instances.subList(0, first));
            return inTurn;
        });
    }

    public int port() {
        return server.port();
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = request.fullPath();
        if (path.startsWith("/docs/") || path.equals("/docs")) {
            return document(path, response);
        }
        if (outbox != null && path.equals(DevOutbox.PATH)) {
            return response.header(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                    .sendByteArray(Mono.just(outbox.html().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .then();
        }
        if (!path.startsWith("/api/") && !path.startsWith("/auth/") && WebAppFiles.serves(path)) {
            return WebAppFiles.send(path, response);
        }
        return targetsOf(path)
                .map(targets -> proxy(targets, request, response))
                .orElseGet(() -> problem(response, HttpResponseStatus.NOT_FOUND, "Not found", "No route for " + path,
                        Map.of()));
    }

    private Mono<Void> proxy(List<String> targets, HttpServerRequest request, HttpServerResponse response) {
        long declared = contentLength(request);
        if (declared > MAX_BODY_BYTES) {
            // refused: nothing of it reaches a service. What the caller is still sending is read and dropped first
            // (up to DRAINED_AT_MOST), as nginx's lingering close does: closing with unread bytes would reset the
            // connection, and the caller could lose the answer before reading it
            return drained(request, declared).then(tooLarge(response, "The body has " + declared + " bytes"));
        }
        return LimitedBody.read(request, MAX_BODY_BYTES)
                .flatMap(body -> pass(targets, request, body, response))
                .onErrorResume(LimitedBody.TooLarge.class,
                        e -> tooLarge(response, "The body has more than " + MAX_BODY_BYTES + " bytes"));
    }

    /** Passes the request to the first instance; one that refuses the connection hands it on to the next. */
    private Mono<Void> pass(List<String> targets, HttpServerRequest request, byte[] body,
                            HttpServerResponse response) {
        String target = targets.get(0);
        return attempt(target, request, body, response).onErrorResume(e -> {
            if (e instanceof ConnectException && targets.size() > 1) {
                LOG.info("Front door: {} refused {} {}; passing it to the next instance", target, request.method(),
                        request.uri());
                return pass(targets.subList(1, targets.size()), request, body, response);
            }
            return failed(e, target, request, response);
        });
    }

    private Mono<Void> attempt(String target, HttpServerRequest request, byte[] body, HttpServerResponse response) {
        return client
                .headers(headers -> {
                    headers.set(request.requestHeaders());
                    headers.remove(HttpHeaderNames.HOST);
                    headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
                    if (body.length > 0 || request.requestHeaders().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                    }
                    ForwardedHeaders.add(headers, request, port());
                })
                .request(HttpMethod.valueOf(request.method().name()))
                .uri(target + request.uri())
                .send(body.length == 0 ? Mono.empty() : Mono.just(Unpooled.wrappedBuffer(body)))
                .response((inbound, answer) -> {
                    response.status(inbound.status());
                    response.headers(inbound.responseHeaders().copy()
                            .remove(HttpHeaderNames.TRANSFER_ENCODING));
                    // flush each chunk as it comes: SSE must not wait for a buffer to fill
                    return response.sendObject(answer.retain()).then();
                })
                .then();
    }

    private static Mono<Void> failed(Throwable e, String target, HttpServerRequest request,
                                     HttpServerResponse response) {
        if (response.hasSentHeaders()) {
            return Mono.empty(); // a stream the caller left (a closed live page): nothing to answer
        }
        // a 502 is all the caller gets: the cause belongs in the log, or nobody can find it later
        LOG.warn("Front door could not pass {} {} to {}: {}", request.method(), request.uri(), target, e.toString());
        return problem(response, HttpResponseStatus.BAD_GATEWAY, "Service unavailable",
                "The service behind this route does not answer; try again shortly", Map.of());
    }

    private static long contentLength(HttpServerRequest request) {
        try {
            return Long.parseLong(request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH, "-1").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Reads and drops a refused body, at most {@link #DRAINED_AT_MOST} bytes of it (a larger one is cut off). */
    private static Mono<Void> drained(HttpServerRequest request, long declared) {
        if (declared > DRAINED_AT_MOST) {
            return Mono.empty();
        }
        return request.receive().map(buffer -> (long) buffer.readableBytes())
                .scan(0L, Long::sum)
                .takeUntil(received -> received >= declared)
                .then()
                // a caller that stops sending gets its answer all the same
                .timeout(Duration.ofSeconds(5), Mono.empty());
    }

    /** 413 as the services answer it, naming the limit; the connection closes, as the rest of the body is unread. */
    private static Mono<Void> tooLarge(HttpServerResponse response, String what) {
        response.keepAlive(false);
        return problem(response, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "Request too large",
                what + "; at most " + MAX_BODY_BYTES + " are accepted", Map.of("maxBodyBytes", MAX_BODY_BYTES));
    }

    /** An RFC 9457 problem, as the services answer theirs. */
    private static Mono<Void> problem(HttpServerResponse response, HttpResponseStatus status, String title,
                                      String detail, Map<String, Object> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.code());
        problem.put("detail", detail);
        problem.putAll(extensions);
        return response.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .sendByteArray(Mono.just(JSON.writeValueAsBytes(problem))).then();
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
