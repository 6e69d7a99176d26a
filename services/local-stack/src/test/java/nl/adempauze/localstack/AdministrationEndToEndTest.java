package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.adempauze.bedavailability.application.RegionSeedLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The administrator of Drenthe runs the region without a developer, through the front door as the demo user
 * {@code admin}: a location added is offered to the next fitting request within seconds, its features changed are
 * used for the next request at once, closing it while a bed there is held is refused with the reason, and a restart
 * (the seed files loaded again) keeps every change. No seeded
 * location has both BARIATRIC and DEMENTIA, so a request needing both fits only the new location.
 */
class AdministrationEndToEndTest {

    private static final E2eStack stack = E2eStack.get();
    private static final String LOCATION = "loc-assen-de-nieuwe-linde";
    private static final String PROVIDER = "zorggroep-drentse-aa";
    private final WebClient admin = stack.as(E2eStack.ADMIN);
    private final FittingRequests requests = new FittingRequests(stack);

    @Test
    void aLocationAddedByTheAdministratorIsOfferedAtOnceItsChangedFeaturesAreUsedAtOnceAndARestartKeepsThem() {
        admin.post().uri("/api/v1/admin/regions/drenthe/locations").bodyValue(Map.of("id", LOCATION,
                        "details", details(List.of("BARIATRIC", "DEMENTIA")), "beds", Map.of("ELV_HOOG", 2)))
                .retrieve().toBodilessEntity().block();

        String first = requests.submit(List.of("BARIATRIC", "DEMENTIA"));
        assertThat(requests.awaitOfferAt(first, LOCATION)).as("offered at the new location within seconds").isNotNull();

        admin.put().uri("/api/v1/admin/locations/{id}", LOCATION)
                .bodyValue(details(List.of("BARIATRIC", "DEMENTIA", "PARTNER_STAY"))).retrieve().toBodilessEntity()
                .block();
        String second = requests.submit(List.of("BARIATRIC", "DEMENTIA", "PARTNER_STAY"));
        assertThat(requests.awaitOfferAt(second, LOCATION)).as("the changed features are used for the next request").isNotNull();

        WebClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(
                WebClientResponseException.class, () -> admin.put().uri("/api/v1/admin/locations/{id}/status", LOCATION)
                        .bodyValue(Map.of("open", false, "reason", "RENOVATION")).retrieve().toBodilessEntity()
                        .block());
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getResponseBodyAsString()).contains("open hold");

        @SuppressWarnings("unchecked")
        Map<String, Object> changes = (Map<String, Object>) admin.get().uri("/api/v1/admin/regions/drenthe/changes?limit=5").retrieve()
                .bodyToFlux(Map.class).blockFirst();
        assertThat(changes).containsEntry("action", "LOCATION_CHANGED").containsEntry("target", LOCATION)
                .containsEntry("subject", "admin");

        // a restart loads the seed files again (bed-availability's start-up runner): the administrator's changes stay
        admin.put().uri("/api/v1/admin/regions/drenthe/settings")
                .bodyValue(Map.of("name", "Drenthe", "freshnessWindowMinutes", 719)).retrieve().toBodilessEntity()
                .block();
        try {
            stack.services.bedAvailability.getBean(RegionSeedLoader.class).run(null);
            Map<?, ?> location = (Map<?, ?>) admin.get().uri("/api/v1/locations/{id}", LOCATION).retrieve()
                    .bodyToMono(Map.class).block().get("location");
            assertThat(location.get("features")).isEqualTo(List.of("BARIATRIC", "DEMENTIA", "PARTNER_STAY"));
            assertThat(admin.get().uri("/api/v1/regions/drenthe").retrieve().bodyToMono(Map.class).block()
                    .get("freshnessWindow")).as("not the seed's 12 hours").isEqualTo("PT11H59M");
        } finally {
            admin.put().uri("/api/v1/admin/regions/drenthe/settings")
                    .bodyValue(Map.of("name", "Drenthe", "freshnessWindowMinutes", 720)).retrieve()
                    .toBodilessEntity().block();
        }
    }

    static Map<String, Object> details(List<String> features) {
        return Map.of("providerId", PROVIDER, "providerName", "Zorggroep Drentse Aa", "name", "De Nieuwe Linde",
                "address", Map.of("street", "Lindelaan 3", "postcode", "9402 AB", "city", "Assen"),
                "municipality", "Assen", "latitude", 52.99, "longitude", 6.55, "features", features,
                "contracts", List.of(Map.of("funder", "zilveren-kruis", "careTypes", List.of("ELV_HOOG"))));
    }

    @AfterEach
    void cancelRequestsAndCloseTheLocation() {
        requests.closeAddedLocation(LOCATION);
    }
}
