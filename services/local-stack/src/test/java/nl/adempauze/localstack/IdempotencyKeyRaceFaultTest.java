package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adempauze.embedded.EmbeddedPostgresServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/**
 * A GP post's retry reaches both instances of request-matching at the same moment with one {@code Idempotency-Key}
 * (a load balancer retried on the other instance while the first still worked): both answers name the same request,
 * one of them 201 and the other 200, and the database holds one request for the key. Needs two instances, so it
 * runs on the process stack.
 */
@Tag("fault")
class IdempotencyKeyRaceFaultTest {

    private static final int ROUNDS = 20;

    private final FaultStack stack = FaultStack.get();

    @Test
    void theSameKeyPostedToBothInstancesAtOnceMakesOneRequest() throws SQLException {
        List<WebClient> instances = stack.requestMatchingInstances().stream()
                .map(instance -> stack.as(E2eStack.REFERRER, instance)).toList();
        List<String> made = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String key = UUID.randomUUID().toString();
                Tuple2<ResponseEntity<Map>, ResponseEntity<Map>> answers = Mono.zip(
                        post(instances.get(0), key, "9401"), post(instances.get(1), key, "9401")).block();
                String first = (String) answers.getT1().getBody().get("id");
                made.add(first);
                assertThat(answers.getT2().getBody().get("id")).as("both answers name one request").isEqualTo(first);
                assertThat(List.of(answers.getT1().getStatusCode().value(), answers.getT2().getStatusCode().value()))
                        .as("one made it (201), the other found it (200)").containsExactlyInAnyOrder(201, 200);
                assertThat(requestsWithKey(key)).as("requests stored for the key").isEqualTo(1);
            }
            FaultFigures.print("FAULT same Idempotency-Key on both instances at once: " + ROUNDS
                    + " keys, each answered 201 + 200 naming one request, one request stored per key");
        } finally {
            made.forEach(this::cancel);
        }
    }

    /** A key sent again with another body, to the other instance: refused (409), never answered with the first. */
    @Test
    void theSameKeyWithAnotherBodyIsRefused() throws SQLException {
        WebClient requestMatching = stack.as(E2eStack.REFERRER, stack.requestMatchingInstances().get(0));
        String key = UUID.randomUUID().toString();
        ResponseEntity<Map> first = post(requestMatching, key, "9401").block();
        try {
            int second = stack.as(E2eStack.REFERRER, stack.requestMatchingInstances().get(1)).post()
                    .uri("/api/v1/requests").header("Idempotency-Key", key).bodyValue(body("7811"))
                    .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                    .block();
            assertThat(second).isEqualTo(409);
            assertThat(requestsWithKey(key)).isEqualTo(1);
        } finally {
            cancel((String) first.getBody().get("id"));
        }
    }

    private static Mono<ResponseEntity<Map>> post(WebClient requestMatching, String key, String postcode) {
        return requestMatching.post().uri("/api/v1/requests").header("Idempotency-Key", key)
                .bodyValue(body(postcode)).retrieve().toEntity(Map.class).timeout(Duration.ofSeconds(30));
    }

    private static Map<String, Object> body(String postcode) {
        return Map.of("region", "drenthe", "careType", CrisisLoad.CARE_TYPE, "urgency", "CRISIS",
                "residence", Map.of("postcode", postcode), "needs", List.of(),
                "contact", Map.of("name", "Huisartsenpost Assen", "phone", "0592 123456"));
    }

    /** Requests stored under this key (request-matching scopes a key by the caller: organisation/subject/key). */
    private int requestsWithKey(String key) throws SQLException {
        EmbeddedPostgresServer postgres = stack.processes.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("request_matching"),
                postgres.user(), postgres.password());
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM request WHERE idempotency_key LIKE ?")) {
            query.setString(1, "%/" + key);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private void cancel(String requestId) {
        stack.requestMatching(E2eStack.COORDINATOR).post().uri("/api/v1/requests/{id}/cancel", requestId)
                .bodyValue(Map.of("reason", "End of the fault-injection test")).retrieve().toBodilessEntity()
                .block(Duration.ofSeconds(30));
    }
}
