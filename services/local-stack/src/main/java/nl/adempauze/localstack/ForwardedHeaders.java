package nl.adempauze.localstack;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import reactor.netty.http.server.HttpServerRequest;

/**
 * The {@code X-Forwarded-*} headers the front door adds to what it passes on, as nginx's
 * {@code proxy_set_header}s do in docker-compose: who called (appended to any earlier proxies), over which scheme,
 * and which host and port they asked for.
 */
final class ForwardedHeaders {

    private ForwardedHeaders() {
    }

    static void add(HttpHeaders headers, HttpServerRequest request, int frontDoorPort) {
        InetSocketAddress caller = request.remoteAddress();
        if (caller != null) {
            String address = caller.getAddress() != null ? caller.getAddress().getHostAddress() : caller.getHostString();
            String earlier = request.requestHeaders().get("X-Forwarded-For");
            headers.set("X-Forwarded-For", earlier == null || earlier.isBlank() ? address : earlier + ", " + address);
        }
        headers.set("X-Forwarded-Proto", request.scheme());
        headers.set("X-Forwarded-Host", hostName(request.requestHeaders().get(HttpHeaderNames.HOST, "localhost")));
        headers.set("X-Forwarded-Port", String.valueOf(frontDoorPort));
    }

    /** The host the caller asked for, without its port (nginx's {@code $host}). */
    static String hostName(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end > 0 ? hostHeader.substring(0, end + 1) : hostHeader;
        }
        int colon = hostHeader.indexOf(':');
        return (colon < 0 ? hostHeader : hostHeader.substring(0, colon)).toLowerCase(java.util.Locale.ROOT);
    }
}
