package nl.adempauze.benchmarks.load;

import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The load generator's HTTP client: non-blocking (reactor-netty), with a pool large enough that 500 requests/s
 * with answers of up to a few seconds never wait for a connection, so the wait is the service's, not ours.
 */
public final class Http {

    public static final int MAX_CONNECTIONS = 1000;

    private Http() {
    }

    public static WebClient client() {
        ConnectionProvider pool = ConnectionProvider.builder("benchmark")
                .maxConnections(MAX_CONNECTIONS)
                .pendingAcquireMaxCount(100_000)
                .pendingAcquireTimeout(Duration.ofSeconds(60))
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        HttpClient http = HttpClient.create(pool).responseTimeout(Duration.ofSeconds(30));
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
    }
}
