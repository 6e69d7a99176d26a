package nl.adempauze.requestmatching.api;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import nl.adempauze.requestmatching.domain.RequestOrigin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts where each call comes from ({@link RequestOrigin}: the token's client and the caller's address) in its Reactor
 * context, where the audit trail picks it up. The address is the peer's, unless the peer is a trusted proxy (the front
 * door; {@code adempauze.audit.trusted-proxies}, loopback by default): then the nearest address in
 * {@code X-Forwarded-For} that is not a trusted proxy. A header from anyone else is ignored (it could say anything).
 * Runs after the security filter chain (order -100), so the token is known.
 */
@Component
@Order(0)
public class RequestOriginFilter implements WebFilter {

    private final Set<String> trustedProxies;

    public RequestOriginFilter(
            @Value("${adempauze.audit.trusted-proxies:127.0.0.1,0:0:0:0:0:0:0:1}") List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = address(peer(exchange), exchange.getRequest().getHeaders().getFirst("X-Forwarded-For"));
        return exchange.getPrincipal().map(TokenClient::of).map(client -> new RequestOrigin(client, address))
                .defaultIfEmpty(new RequestOrigin(null, address))
                .flatMap(origin -> chain.filter(exchange).contextWrite(context -> context.put(RequestOrigin.class,
                        origin)));
    }

    /** The caller's address: the peer, or what trusted proxies before it say in {@code forwardedFor}. */
    String address(String peer, String forwardedFor) {
        if (peer == null || !trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && (!trustedProxies.contains(hop) || i == 0)) {
                return hop;
            }
        }
        return peer;
    }

    private static String peer(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
