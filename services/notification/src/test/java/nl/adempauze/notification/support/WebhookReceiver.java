package nl.adempauze.notification.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP endpoint for webhooks on a random port: records every request and answers 200, or 500 for the
 * first N calls, or always 500.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile boolean alwaysFail;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hook", receiver::handle);
            server.setExecutor(receiver.executor);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    public WebhookReceiver failFirst(int calls) {
        failuresLeft.set(calls);
        return this;
    }

    public WebhookReceiver failAlways() {
        alwaysFail = true;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> forEvent(String eventId) {
        return received.stream().filter(request -> eventId.equals(request.header("X-Adempauze-Event-Id"))).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(Locale.ROOT),
                            entry -> entry.getValue().get(0), (a, b) -> a));
            received.add(new Received(exchange.getRequestMethod(), headers,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        boolean fail = alwaysFail || failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        exchange.sendResponseHeaders(fail ? 500 : 200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One request as it arrived. */
    public record Received(String method, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Checks the signature the way a subscriber would: HMAC-SHA256 over "timestamp.body" with its secret. */
        public boolean signatureVerifies(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] expected = mac.doFinal((header("X-Adempauze-Timestamp") + "." + body)
                        .getBytes(StandardCharsets.UTF_8));
                String signature = header("X-Adempauze-Signature");
                return signature != null && signature.startsWith("sha256=") && java.security.MessageDigest.isEqual(
                        HexFormat.of().parseHex(signature.substring("sha256=".length())), expected);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
