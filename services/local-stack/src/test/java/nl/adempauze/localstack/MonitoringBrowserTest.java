package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The coordinator's monitoring page in a real browser: after a placement, the period's figures show it, with the
 * time to placement per urgency and care type, as the API counts it.
 */
class MonitoringBrowserTest {

    private static final E2eStack stack = E2eStack.get();

    @RegisterExtension
    static final CrisisScenario crisis = CrisisScenario.perTestClass(stack, 3);

    @Test
    void thePeriodsPlacementsAreShownPerUrgencyAndCareType() {
        String requestId = crisis.submit();
        crisis.accept(crisis.awaitOffer(requestId));
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
}
