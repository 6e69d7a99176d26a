package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Triage through the front door with the demo users: the GP previews the advice, submits an undecidable request
 * without a care type, it lands on the coordinator's board as a triage item (escalated TRIAGE_NEEDED), the
 * coordinator sets the care type with a reason and the request is offered; bad answers are refused, nothing stored.
 */
class TriageEndToEndTest {

    private static final E2eStack stack = E2eStack.get();
    private static final WebClient gp = stack.as(E2eStack.REFERRER);
    private static final WebClient coordinator = stack.as(E2eStack.COORDINATOR);

    @RegisterExtension
    static final CrisisScenario crisis = CrisisScenario.perTestClass(stack, 2);

    @Test
    void anUndecidableRequestIsATriageItemUntilTheCoordinatorSetsTheCareTypeAndThenItIsOffered() {
        Map<?, ?> advice = gp.post().uri("/api/v1/regions/drenthe/triage")
                .bodyValue(Map.of("answers", Map.of("HOSPITAL_CARE", "NO", "WLZ_INDICATION", "NO", "RETURN_HOME",
                        "YES", "WAKEFUL_EYE", "YES", "CARE_TAKEOVER", "YES")))
                .retrieve().bodyToMono(Map.class).block();
        assertThat(advice.get("careType")).isEqualTo("ELV_HOOG");

        Map<?, ?> created = gp.post().uri("/api/v1/requests").bodyValue(request(Map.of("HOSPITAL_CARE", "NO")))
                .retrieve().bodyToMono(Map.class).block();
        String id = crisis.track((String) created.get("id"));
        assertThat(created.get("status")).isEqualTo("AWAITING_TRIAGE");
        assertThat(created.get("careType")).isNull();

        List<Map<?, ?>> board = coordinator.get().uri("/api/v1/regions/drenthe/requests").retrieve()
                .bodyToFlux(Map.class).<Map<?, ?>>map(m -> m).collectList().block();
        assertThat(board).anySatisfy(request -> {
            assertThat(request.get("id")).isEqualTo(id);
            assertThat(request.get("status")).isEqualTo("AWAITING_TRIAGE");
        });
        List<Map<?, ?>> escalations = coordinator.get().uri("/api/v1/regions/drenthe/escalations").retrieve()
                .bodyToFlux(Map.class).<Map<?, ?>>map(m -> m).collectList().block();
        assertThat(escalations).anySatisfy(escalation -> {
            assertThat(escalation.get("requestId")).isEqualTo(id);
            assertThat(escalation.get("reason")).isEqualTo("TRIAGE_NEEDED");
        });

        Map<?, ?> set = coordinator.post().uri("/api/v1/requests/{id}/care-type", id)
                .bodyValue(Map.of("careType", CrisisScenario.CARE_TYPE, "reason", "Teruggebeld: wakend oog nodig"))
                .retrieve().bodyToMono(Map.class).block();
        assertThat(set.get("careType")).isEqualTo(CrisisScenario.CARE_TYPE);
        crisis.awaitOffer(id);
        assertThat(crisis.awaitStatus(id, "OFFERED").get("careType")).isEqualTo(CrisisScenario.CARE_TYPE);
    }

    @Test
    void contradictoryAnswersAreRefusedNamingTheFieldAndNothingIsStored() {
        int before = gp.get().uri("/api/v1/requests").retrieve().bodyToFlux(Map.class).collectList().block().size();
        try {
            gp.post().uri("/api/v1/requests").bodyValue(request(Map.of("CARER_RESPITE", "YES", "WAKEFUL_EYE", "YES")))
                    .retrieve().toBodilessEntity().block();
            throw new AssertionError("contradictory answers were accepted");
        } catch (WebClientResponseException refused) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getResponseBodyAsString()).contains("\"field\":\"triage.answers\"");
        }
        assertThat(gp.get().uri("/api/v1/requests").retrieve().bodyToFlux(Map.class).collectList().block())
                .hasSize(before);
    }

    private static Map<String, Object> request(Map<String, String> answers) {
        return Map.of("region", "drenthe", "urgency", "CRISIS", "residence", Map.of("postcode", "9401"),
                "contact", Map.of("name", "Huisartsenpost Assen", "phone", "0592 123456"),
                "triage", Map.of("answers", answers));
    }
}
