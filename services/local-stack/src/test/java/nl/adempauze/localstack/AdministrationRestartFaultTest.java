package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What an administrator changed survives a real restart: bed-availability is killed (SIGKILL) and started again on
 * its database, its start-up loads the seed files as always, and the location the administrator added, with the
 * features it changed, and the region setting it tuned are as the administrator left them, not as the seed says.
 */
@Tag("fault")
class AdministrationRestartFaultTest {

    private static final String LOCATION = "loc-assen-het-herstelhuis";
    private static final String PROVIDER = "zorggroep-drentse-aa";
    /** The seed's freshness window of Drenthe, put back at the end. */
    private static final int SEEDED_FRESHNESS_MINUTES = 720;

    private final FaultStack stack = FaultStack.get();

    @Test
    void aRestartOfBedAvailabilityKeepsEveryChangeTheAdministratorMade() {
        WebClient admin = stack.bedAvailability(E2eStack.ADMIN);
        admin.post().uri("/api/v1/admin/regions/drenthe/locations").bodyValue(Map.of("id", LOCATION,
                        "details", details(List.of("DEMENTIA")), "beds", Map.of("GRZ", 1)))
                .retrieve().toBodilessEntity().block();
        try {
            admin.put().uri("/api/v1/admin/locations/{id}", LOCATION).bodyValue(details(List.of("DEMENTIA", "OXYGEN")))
                    .retrieve().toBodilessEntity().block();
            admin.put().uri("/api/v1/admin/regions/drenthe/settings")
                    .bodyValue(Map.of("name", "Drenthe", "freshnessWindowMinutes", 719)).retrieve().toBodilessEntity()
                    .block();

            stack.killAndRestart(stack.processes.bedAvailability());

            Map<?, ?> answer = admin.get().uri("/api/v1/locations/{id}", LOCATION).retrieve().bodyToMono(Map.class)
                    .block();
            Map<?, ?> location = (Map<?, ?>) answer.get("location");
            assertThat(location.get("features")).as("the features the administrator set")
                    .isEqualTo(List.of("DEMENTIA", "OXYGEN"));
            assertThat(location.get("open")).isEqualTo(true);
            assertThat(admin.get().uri("/api/v1/regions/drenthe").retrieve().bodyToMono(Map.class).block()
                    .get("freshnessWindow")).as("not the seed's 12 hours").isEqualTo("PT11H59M");
            Map<?, ?> view = admin.get().uri("/api/v1/regions/drenthe/capacity?careType=GRZ").retrieve()
                    .bodyToMono(Map.class).block();
            assertThat((List<?>) view.get("locations")).as("the added location's GRZ bed")
                    .anySatisfy(entry -> assertThat(((Map<?, ?>) entry).get("locationId")).isEqualTo(LOCATION));
        } finally {
            admin.put().uri("/api/v1/admin/regions/drenthe/settings")
                    .bodyValue(Map.of("name", "Drenthe", "freshnessWindowMinutes", SEEDED_FRESHNESS_MINUTES))
                    .retrieve().toBodilessEntity().block();
            // closed, so the other fault tests' requests never go there
            admin.put().uri("/api/v1/admin/locations/{id}/status", LOCATION)
                    .bodyValue(Map.of("open", false, "reason", "OTHER")).retrieve().toBodilessEntity().block();
        }
    }

    private static Map<String, Object> details(List<String> features) {
        return Map.of("providerId", PROVIDER, "providerName", "Zorggroep Drentse Aa", "name", "Het Herstelhuis",
                "address", Map.of("street", "Herstellaan 1", "postcode", "9402 AC", "city", "Assen"),
                "municipality", "Assen", "latitude", 52.991, "longitude", 6.551, "features", features,
                "contracts", List.of(Map.of("funder", "zilveren-kruis", "careTypes", List.of("GRZ"))));
    }
}
