package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import nl.adempauze.embedded.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A service that runs as several instances behind the front door: the door takes them in turn, and a POST that an
 * instance cannot take (down: it refuses the connection) goes to the next one, once, instead of a 502.
 */
class FrontDoorInstancesTest {

    private final RecordingBackend first = new RecordingBackend();
    private final RecordingBackend second = new RecordingBackend();
    private final String down = "http://localhost:" + FreePort.pick();
    private final HttpClient http = HttpClient.newHttpClient();
    private FrontDoor frontDoor;

    @AfterEach
    void close() {
        frontDoor.close();
        first.close();
        second.close();
    }

    @Test
    void takesTheInstancesInTurn() throws Exception {
        frontDoor = FrontDoor.start(0, first.url(), List.of(first.url()), List.of(first.url(), second.url()),
                List.of(first.url()), null);

        for (int i = 0; i < 4; i++) {
            assertThat(post("/api/v1/requests").statusCode()).isEqualTo(200);
        }

        assertThat(first.received()).hasSize(2);
        assertThat(second.received()).hasSize(2);
    }

    @Test
    void passesARequestAnInstanceThatIsDownCannotTakeToTheNext() throws Exception {
        frontDoor = FrontDoor.start(0, first.url(), List.of(first.url()), List.of(down, second.url()),
                List.of(first.url()), null);

        for (int i = 0; i < 4; i++) {
            assertThat(post("/api/v1/requests").statusCode()).isEqualTo(200);
        }

        assertThat(second.received()).hasSize(4).allSatisfy(received -> assertThat(received.bodyBytes()).isEqualTo(2));
    }

    @Test
    void answers502WhenEveryInstanceIsDown() throws Exception {
        frontDoor = FrontDoor.start(0, first.url(), List.of(first.url()), List.of(down, down),
                List.of(first.url()), null);

        assertThat(post("/api/v1/requests").statusCode()).isEqualTo(502);
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + frontDoor.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
