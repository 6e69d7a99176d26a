package nl.adempauze.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client on the public API: a signed-in user by their token's subject, anyone else by address.
 * Over the limit the caller gets a 429 problem with {@code Retry-After}, and nothing is done.
 */
public class RateLimiting implements WebFilter {

    private final long requestsPerSecond;
    private final long burst;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    public RateLimiting(long requestsPerSecond, long burst) {
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(subject -> "user:" + subject)
                .defaultIfEmpty("address:" + address(exchange))
                .flatMap(client -> {
                    ConsumptionProbe probe = buckets.get(client, key -> newBucket()).tryConsumeAndReturnRemaining(1);
                    if (probe.isConsumed()) {
                        exchange.getResponse().getHeaders().set("RateLimit-Remaining",
                                String.valueOf(probe.getRemainingTokens()));
                        return chain.filter(exchange);
                    }
                    long waitSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
                    exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(waitSeconds));
                    return ProblemWriter.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                            "More than " + requestsPerSecond + " requests per second (bursts up to " + burst
                                    + "): try again in " + waitSeconds + " s");
                });
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(requestsPerSecond, Duration.ofSeconds(1)))
                .build();
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
