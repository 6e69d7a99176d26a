package nl.adempauze.localstack;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The web app's static files (module {@code web}, packed under {@code adempauze-web/} on the classpath), served by
 * the front door at {@code /}. Everything the browser needs comes from here: the page fetches nothing from the
 * internet, and its Content-Security-Policy says so.
 */
final class WebAppFiles {

    private static final String ROOT = "adempauze-web/";
    private static final Map<String, String> TYPES = Map.of(
            ".html", "text/html; charset=utf-8", ".js", "text/javascript; charset=utf-8",
            ".css", "text/css; charset=utf-8", ".svg", "image/svg+xml", ".ico", "image/x-icon",
            ".json", "application/json");
    /** Scripts, styles and calls only from this origin; no framing, no plugins. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private WebAppFiles() {
    }

    /** Whether {@code path} names a file of the web app (the page itself for {@code /}). */
    static boolean serves(String path) {
        return resourceOf(path).map(resource -> WebAppFiles.class.getResource("/" + resource) != null).orElse(false);
    }

    static Mono<Void> send(String path, HttpServerResponse response) {
        Optional<String> resource = resourceOf(path);
        if (resource.isEmpty()) {
            return response.status(HttpResponseStatus.NOT_FOUND).send().then();
        }
        try (InputStream in = WebAppFiles.class.getResourceAsStream("/" + resource.get())) {
            if (in == null) {
                return response.status(HttpResponseStatus.NOT_FOUND).send().then();
            }
            byte[] bytes = in.readAllBytes();
            String type = TYPES.entrySet().stream().filter(e -> resource.get().endsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse("application/octet-stream");
            return response.header(HttpHeaderNames.CONTENT_TYPE, type)
                    // the files change with every build of the local stack: always ask again
                    .header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                    .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .sendByteArray(Mono.just(bytes)).then();
        } catch (IOException e) {
            return response.status(HttpResponseStatus.INTERNAL_SERVER_ERROR).send().then();
        }
    }

    private static Optional<String> resourceOf(String path) {
        String file = path.equals("/") ? "index.html" : path.substring(1);
        if (file.isEmpty() || file.contains("..") || file.contains("//") || file.contains("\\")
                || !file.matches("[A-Za-z0-9._/-]+")) {
            return Optional.empty();
        }
        return Optional.of(ROOT + file);
    }
}
