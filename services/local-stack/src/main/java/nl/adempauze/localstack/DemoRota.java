package nl.adempauze.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo region's on-call rota: one week-long shift for drenthe from an hour ago, with the demo user
 * coordinator-drenthe as primary and coordinator-drenthe-achterwacht (a name only: the rota takes any user id) as
 * backup, planned through the rota API as that coordinator would. So the out-of-the-box crisis with no free bed
 * pages someone, and the pages show at {@value DevOutbox#PATH}.
 */
final class DemoRota {

    static final String PRIMARY = "coordinator-drenthe";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoRota() {
    }

    /** Plans the demo shift; a failure is reported, not fatal: the stack runs on, without anyone on call. */
    static void plan(String issuerUrl, String notificationUrl) {
        try {
            planShift(issuerUrl, notificationUrl);
        } catch (RuntimeException e) {
            System.err.println("WARNING: the demo rota for drenthe was not planned, escalations page nobody: " + e);
        }
    }

    private static void planShift(String issuerUrl, String notificationUrl) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            String basic = Base64.getEncoder().encodeToString((PRIMARY + ":demo").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(issuerUrl + "/auth/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String accessToken = JSON.readTree(token.body()).path("access_token").asString();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            String shift = JSON.writeValueAsString(Map.of(
                    "startsAt", now.minus(Duration.ofHours(1)).toString(),
                    "endsAt", now.plus(Duration.ofDays(7)).toString(),
                    "primary", Map.of("userId", PRIMARY, "email", "femke.mulder@coordinatiepunt-drenthe.example",
                            "phone", "06 12345678"),
                    "backup", Map.of("userId", "coordinator-drenthe-achterwacht",
                            "email", "achterwacht@coordinatiepunt-drenthe.example", "phone", "06 87654321")));
            HttpResponse<String> planned = http.send(HttpRequest.newBuilder(
                            URI.create(notificationUrl + "/api/v1/regions/drenthe/shifts"))
                    .header("Authorization", "Bearer " + accessToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(shift)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (planned.statusCode() != 201) {
                throw new IllegalStateException("The demo rota was refused: " + planned.statusCode() + " "
                        + planned.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot plan the demo rota", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
