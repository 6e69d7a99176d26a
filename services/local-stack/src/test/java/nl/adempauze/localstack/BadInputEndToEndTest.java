package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/** A malformed request gets a problem response naming the field, and leaves no trace. */
class BadInputEndToEndTest {

    @Test
    void malformedRequestsAreRefusedNamingTheFieldAndStoreNothing() {
        E2eStack stack = E2eStack.get();
        // a GP submits; the region's coordinator counts the region's requests
        WebClient api = stack.as(E2eStack.REFERRER);
        WebClient coordinator = stack.as(E2eStack.COORDINATOR);
        int before = openRequests(coordinator);

        assertProblem(api, Map.of("region", "drenthe", "careType", "ELV_HOOG", "urgency", "CRISIS",
                "residence", Map.of("postcode", "94O1"), "contact", Map.of("name", "GP", "phone", "0592 1")),
                "residence.postcode");
        assertProblem(api, Map.of("region", "drenthe", "careType", "ELV_HOOG", "urgency", "SOMEDAY",
                "residence", Map.of("postcode", "9401"), "contact", Map.of("name", "GP", "phone", "0592 123456")),
                "urgency");
        assertProblem(api, Map.of("region", "drenthe", "careType", "SPA_WEEKEND", "urgency", "CRISIS",
                "residence", Map.of("postcode", "9401"), "contact", Map.of("name", "GP", "phone", "0592 123456")),
                "careType");
        assertProblem(api, Map.of("region", "drenthe", "careType", "ELV_HOOG", "urgency", "CRISIS",
                "residence", Map.of("postcode", "1011"), "contact", Map.of("name", "GP", "phone", "0592 123456")),
                "residence.postcode");
        assertProblem(api, Map.of("region", "drenthe", "careType", "ELV_HOOG", "urgency", "CRISIS",
                "residence", Map.of("postcode", "9401"), "needs", List.of("UNICORN"),
                "contact", Map.of("name", "GP", "phone", "0592 123456")), "needs[0]");
        assertProblem(api, Map.of("region", "drenthe", "careType", "ELV_HOOG", "urgency", "CRISIS",
                "residence", Map.of("postcode", "9401")), "contact");

        assertThat(openRequests(coordinator)).isEqualTo(before);
    }

    private static void assertProblem(WebClient api, Map<String, ?> body, String field) {
        var response = api.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(r -> r.toEntity(Map.class)).block();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        List<?> errors = (List<?>) response.getBody().get("errors");
        assertThat(errors).as("errors of %s", response.getBody())
                .anySatisfy(error -> assertThat(((Map<?, ?>) error).get("field")).isEqualTo(field));
    }

    private static int openRequests(WebClient api) {
        return api.get().uri("/api/v1/regions/drenthe/requests?status=SUBMITTED&status=OFFERED&status=ESCALATED"
                        + "&status=MATCHED&status=CANCELLED")
                .retrieve().bodyToMono(List.class).block().size();
    }
}
