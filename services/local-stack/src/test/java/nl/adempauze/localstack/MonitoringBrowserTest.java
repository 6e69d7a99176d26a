package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The coordinator's monitoring page in a real browser: after a placement, the period's figures show it, with the
 * time to placement per urgency and care type, as the API counts it.
 */
class MonitoringBrowserTest {

    private static E2eStack stack;

    @BeforeAll
    static void start() {
        Browser.requireChromium();
        stack = E2eStack.get();
        stack.awaitMatchingCaughtUp();
        stack.asProviderOf("loc-assen-de-hoogte").put().uri("/api/v1/locations/loc-assen-de-hoogte/capacity/ELV_HOOG")
                .bodyValue(Map.of("freeBeds", 3)).retrieve().toBodilessEntity().block();
    }

    @Test
    void thePeriodsPlacementsAreShownPerUrgencyAndCareType() {
        placeOneCrisisRequest();
        Map<?, ?> figures = stack.as(E2eStack.COORDINATOR).get().uri("/api/v1/regions/drenthe/figures").retrieve()
                .bodyToMono(Map.class).block();
        Map<?, ?> crisisElvHoog = ((List<?>) figures.get("byUrgencyAndCareType")).stream().map(Map.class::cast)
                .filter(group -> "CRISIS".equals(group.get("urgency")) && "ELV_HOOG".equals(group.get("careType")))
                .findFirst().orElseThrow();

        try (Browser browser = Browser.signedInAs(stack.url(), E2eStack.COORDINATOR)) {
            browser.driver().get(stack.url() + "/#/monitoring");
            String row = "[data-test=placement-table] tbody tr";
            browser.waitFor(d -> d.findElements(By.cssSelector(row)).stream()
                    .anyMatch(tr -> tr.getText().startsWith("Crisis · ELV hoogcomplex")));
            String shown = browser.findAll(row).stream().map(tr -> tr.getText())
                    .filter(text -> text.startsWith("Crisis · ELV hoogcomplex")).findFirst().orElseThrow();
            assertThat(shown).contains(" " + crisisElvHoog.get("submitted") + " " + crisisElvHoog.get("placements") + " ");
            assertThat(Integer.parseInt(browser.text("[data-test=kpi-placements] .value"))).isPositive();
            assertThat(browser.findAll("[data-test=occupancy-table] tbody tr")).isNotEmpty();
            browser.screenshot("monitoring-1-period-figures");
        }
    }

    private static void placeOneCrisisRequest() {
        Map<?, ?> created = stack.as(E2eStack.REFERRER).post().uri("/api/v1/requests").bodyValue(Map.of(
                "region", "drenthe", "careType", "ELV_HOOG", "urgency", "CRISIS", "residence", Map.of("postcode", "9401"),
                "contact", Map.of("name", "Huisartsenpost Assen", "phone", "0592 123456")))
                .retrieve().bodyToMono(Map.class).block();
        String requestId = (String) created.get("id");
        Map<?, ?> offer = await().atMost(Duration.ofSeconds(30)).until(() -> (Map<?, ?>) stack.as(E2eStack.COORDINATOR)
                .get().uri("/api/v1/requests/{id}", requestId).retrieve().bodyToMono(Map.class).block().get("currentOffer"),
                current -> current != null && "OPEN".equals(current.get("status")));
        stack.as(stack.providerOf((String) offer.get("locationId"))).post().uri("/api/v1/offers/{id}/accept", offer.get("id"))
                .retrieve().toBodilessEntity().block();
    }
}
