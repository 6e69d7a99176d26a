package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The front door over real HTTP, with a real server behind it: the forwarded headers it adds, and a body over the
 * services' limit refused at the door with a problem naming the limit (not a 502 or a cut connection).
 */
class FrontDoorTest {

    private final RecordingBackend backend = new RecordingBackend();
    private final FrontDoor frontDoor = FrontDoor.start(0, backend.url(), backend.url(), backend.url(), backend.url());
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        frontDoor.close();
        backend.close();
    }

    @Test
    void tellsTheServiceWhoCalledOverWhichSchemeAndForWhichHost() throws Exception {
        HttpResponse<String> response = http.send(request("/api/v1/regions/drenthe/capacity").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        RecordingBackend.Received received = backend.received().get(0);
        assertThat(received.path()).isEqualTo("/api/v1/regions/drenthe/capacity");
        assertThat(received.headers().getFirst("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.headers().getFirst("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.headers().getFirst("X-Forwarded-Host")).isEqualTo("localhost");
        assertThat(received.headers().getFirst("X-Forwarded-Port")).isEqualTo(String.valueOf(frontDoor.port()));
    }

    @Test
    void addsTheCallerToTheProxiesBeforeIt() throws Exception {
        http.send(request("/api/v1/requests").header("X-Forwarded-For", "203.0.113.7").GET().build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(backend.received().get(0).headers().getFirst("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
    }

    @Test
    void passesABodyAtTheLimitWhole() throws Exception {
        HttpResponse<String> response = http.send(request("/api/v1/requests")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(FrontDoor.MAX_BODY_BYTES))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.received()).singleElement()
                .satisfies(received -> assertThat(received.bodyBytes()).isEqualTo(FrontDoor.MAX_BODY_BYTES));
    }

    @Test
    void refusesAFiveMegabyteBodyWithAProblemNamingTheLimit() throws Exception {
        HttpResponse<String> response = http.send(request("/api/v1/requests")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(5 * 1024 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertTooLarge(response);
        assertThat(response.body()).contains("\"detail\":\"The body has 5242880 bytes; at most 65536 are accepted\"");
        assertThat(backend.received()).isEmpty();
    }

    @Test
    void refusesABodyOfUnknownLengthOnceItPassesTheLimit() throws Exception {
        HttpResponse<String> response = http.send(request("/api/v1/requests")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body(FrontDoor.MAX_BODY_BYTES + 1)))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertTooLarge(response);
        assertThat(response.body()).contains("\"detail\":\"The body has more than 65536 bytes; at most 65536 are accepted\"");
        assertThat(backend.received()).isEmpty();
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Request too large\"", "\"status\":413",
                "\"maxBodyBytes\":65536");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + frontDoor.port() + path));
    }

    private static byte[] body(long bytes) {
        byte[] body = new byte[(int) bytes];
        java.util.Arrays.fill(body, (byte) 'x');
        return body;
    }
}
