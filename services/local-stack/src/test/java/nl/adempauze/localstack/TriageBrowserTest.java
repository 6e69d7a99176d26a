package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * "Weet ik niet, help mij kiezen" in a real browser: a GP who does not know the care type answers the region's
 * triage questions for a patient who needs a wakend oog and whose carer dropped out, is advised ELV hoogcomplex with
 * the reasons in Dutch, takes it, and the request is matched. An undecided triage goes to the coordinator's board
 * as "Triage nodig"; the coordinator sets the care type there, with a reason, and the request is offered.
 */
class TriageBrowserTest {

    private static final E2eStack stack = E2eStack.get();
    private static final WebClient gp = stack.as(E2eStack.REFERRER);

    @RegisterExtension
    static final CrisisScenario crisis = CrisisScenario.perTestClass(stack, 3);

    @Test
    void aGpWhoDoesNotKnowTheCareTypeIsAdvisedElvHoogcomplexAndTheRequestIsMatched() {
        try (Browser browser = Browser.signedInAs(stack.url(), E2eStack.REFERRER)) {
            browser.await("[data-test=request-form]");
            browser.click("[data-test=triage-open]");
            browser.await("[data-test=triage-WAKEFUL_EYE-YES]");
            for (String answer : List.of("HOSPITAL_CARE-NO", "WLZ_INDICATION-NO", "RETURN_HOME-YES", "WAKEFUL_EYE-YES",
                    "CARE_TAKEOVER-YES")) {
                browser.click("[data-test=triage-" + answer + "]");
            }
            assertThat(browser.text("[data-test=triage]")).contains("wakend oog", "weet ik niet");
            browser.click("[data-test=triage-ask]");

            assertThat(browser.text("[data-test=triage-suggestion]")).isEqualTo("Advies: ELV hoogcomplex");
            assertThat(browser.text("[data-test=triage-explanation]")).contains("wakend oog", "ELV hoogcomplex");
            assertThat(browser.text("[data-test=triage-advice]")).contains("mantelzorger is weggevallen? – ja");
            browser.screenshot("triage-1-advice-elv-hoogcomplex");
            browser.click("[data-test=triage-accept]");
            assertThat(new Select(browser.find("[data-test=care-type]")).getFirstSelectedOption().getDomAttribute("value"))
                    .isEqualTo("ELV_HOOG");

            browser.find("[data-test=postcode]").sendKeys("9401");
            browser.find("[data-test=contact-name]").sendKeys("Huisartsenpost Assen");
            browser.find("[data-test=contact-phone]").sendKeys("0592 123456");
            List<String> known = ids();
            browser.click("[data-test=submit-request]");
            String requestId = crisis.track(await().atMost(Duration.ofSeconds(30)).until(() -> ids().stream()
                    .filter(id -> !known.contains(id)).findFirst().orElse(null), id -> id != null));

            Map<?, ?> triage = (Map<?, ?>) crisis.awaitStatus(requestId, "OFFERED").get("triage");
            assertThat(triage.get("chosenCareType")).isEqualTo("ELV_HOOG");
            assertThat(((Map<?, ?>) triage.get("answers")).get("WAKEFUL_EYE")).isEqualTo("YES");
            crisis.accept(crisis.awaitOffer(requestId));
            browser.await("[data-test=my-requests] li[data-request='" + requestId + "'][data-status=MATCHED]");
            browser.screenshot("triage-2-matched");
        }
    }

    @Test
    void anUndecidedTriageReachesTheBoardWhereTheCoordinatorSetsTheCareType() {
        String requestId;
        try (Browser browser = Browser.signedInAs(stack.url(), E2eStack.REFERRER)) {
            browser.await("[data-test=request-form]");
            browser.click("[data-test=triage-open]");
            browser.await("[data-test=triage-HOSPITAL_CARE-NO]");
            browser.click("[data-test=triage-HOSPITAL_CARE-NO]");
            browser.click("[data-test=triage-ask]");
            assertThat(browser.text("[data-test=triage-suggestion]")).contains("coördinator kiest");
            browser.click("[data-test=triage-to-coordinator]");
            assertThat(browser.text("[data-test=triage-note]")).contains("de coördinator kiest");
            browser.find("[data-test=postcode]").sendKeys("9401");
            browser.find("[data-test=contact-name]").sendKeys("Huisartsenpost Assen");
            browser.find("[data-test=contact-phone]").sendKeys("0592 123456");
            List<String> known = ids();
            browser.click("[data-test=submit-request]");
            requestId = crisis.track(await().atMost(Duration.ofSeconds(30)).until(() -> ids().stream()
                    .filter(id -> !known.contains(id)).findFirst().orElse(null), id -> id != null));
            browser.await("[data-test=my-requests] li[data-request='" + requestId + "']");
        }
        crisis.awaitStatus(requestId, "AWAITING_TRIAGE");

        try (Browser coordinator = Browser.signedInAs(stack.url(), E2eStack.COORDINATOR)) {
            String row = "[data-test=open-requests] tr[data-request='" + requestId + "']";
            assertThat(coordinator.text(row)).contains("Triage nodig");
            coordinator.await("[data-test=escalations] li[data-request='" + requestId + "']");
            assertThat(coordinator.text("[data-test=escalations] li[data-request='" + requestId + "']"))
                    .contains("Triage nodig");
            coordinator.click(row + " [data-test=open-request]");
            assertThat(coordinator.text("[data-test=detail-triage]")).contains("geen eenduidig advies");
            coordinator.screenshot("triage-3-board-triage-item");
            coordinator.click("[data-test=action-care-type]");
            new Select(coordinator.await("[data-test=care-type-choice]")).selectByValue("ELV_HOOG");
            coordinator.find("[data-test=care-type-form] textarea").sendKeys("Teruggebeld: wakend oog nodig");
            coordinator.click("[data-test=care-type-form-confirm]");
            coordinator.waitFor(d -> d.findElement(By.cssSelector("[data-test=detail-status]")).getText()
                    .matches("Ingediend|Aangeboden"));
            coordinator.screenshot("triage-4-care-type-set");
        }
        crisis.awaitOffer(requestId);
        assertThat(crisis.awaitStatus(requestId, "OFFERED").get("careType")).isEqualTo("ELV_HOOG");
    }

    private static List<String> ids() {
        return gp.get().uri("/api/v1/requests").retrieve().bodyToFlux(Map.class).map(request -> (String) request.get("id"))
                .collectList().block();
    }
}
