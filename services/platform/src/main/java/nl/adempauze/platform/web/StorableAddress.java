package nl.adempauze.platform.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Refuses an address whose path or query holds a NUL character ({@code %00}): it could never be stored or found. */
public class StorableAddress implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        URI uri = exchange.getRequest().getURI();
        String raw = (uri.getRawPath() + "?" + uri.getRawQuery()).toLowerCase(Locale.ROOT);
        if (raw.contains("%00")) {
            return ProblemWriter.write(exchange, HttpStatus.BAD_REQUEST, "Invalid address",
                    "The path or query " + StorableText.REFUSAL);
        }
        return chain.filter(exchange);
    }
}
