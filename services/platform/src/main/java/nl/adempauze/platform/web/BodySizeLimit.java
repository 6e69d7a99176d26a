package nl.adempauze.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body larger than the limit from its declared length, before reading it. A body sent without a length
 * is held to the same limit by the server codecs (see PlatformSecurityAutoConfiguration).
 */
public class BodySizeLimit implements WebFilter {

    private final DataSize limit;

    public BodySizeLimit(DataSize limit) {
        this.limit = limit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > limit.toBytes()) {
            return ProblemWriter.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                    "The body has " + length + " bytes; at most " + limit.toBytes() + " are accepted");
        }
        return chain.filter(exchange);
    }
}
