package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The referrer's screen in a real browser: the request form tells what is wrong next to the field, in Dutch, both
 * what the page checks itself and what the API refuses, and sends nothing wrong; a good request shows up in "my
 * requests" and, once a provider accepts, where the patient goes, without a reload (and a GP who asked to be told by
 * SMS has that follow-up set); sent again after its answer was
 * lost, a request is made once.
 */
class ReferrerScreenBrowserTest {

    private static final String LOGEERHUIS = "loc-emmen-logeerhuis-de-esdoorn";

    private static final E2eStack stack = E2eStack.get();
    private static final WebClient gp = stack.as(E2eStack.REFERRER);

    @RegisterExtension
    static final CrisisScenario crisis = CrisisScenario.perTestClass(stack, 3);

    @Test
    void badInputIsToldNextToItsFieldInDutchAndNothingIsSent() {
        int before = requestsOf(gp).size();
        try (Browser browser = Browser.signedInAs(stack.url(), E2eStack.REFERRER)) {
            browser.await("[data-test=request-form]");
            fillCrisisRequest(browser, "12");
            browser.click("[data-test=submit-request]");

            WebElement postcodeError = browser.await("[data-error-for='residence.postcode']:not(:empty)");
            assertThat(postcodeError.getText()).isEqualTo("Vul een geldige postcode in, zoals 9401 of 9401 GX.");
            assertThat(browser.find("[data-field='residence.postcode']").getDomAttribute("aria-invalid")).isEqualTo("true");
            browser.screenshot("referrer-1-postcode-error");

            // what only the API knows: a planned stay is not booked for ELV
            browser.find("[data-test=postcode]").clear();
            browser.find("[data-test=postcode]").sendKeys("9401");
            browser.click("[data-test=urgency-PLANNED]");
            browser.fillDate("[data-test=first-night]", LocalDate.now().plusDays(20));
            browser.find("[data-test=nights]").sendKeys("3");
            browser.click("[data-test=submit-request]");
            WebElement careTypeError = browser.await("[data-error-for='careType']:not(:empty)");
            assertThat(careTypeError.getText()).startsWith("Deze zorgvorm kan niet op deze manier worden aangevraagd");
            assertThat(browser.text("[data-error-for='residence.postcode']")).isEmpty();
            browser.screenshot("referrer-2-care-type-refused-by-the-api");
        }
        assertThat(requestsOf(gp)).as("nothing was submitted").hasSize(before);
    }

    @Test
    void aCrisisRequestFromTheFormShowsWhereThePatientGoesOnceAcceptedAndTheGpAskedToBeToldBySms() {
        try (Browser browser = Browser.signedInAs(stack.url(), E2eStack.REFERRER)) {
            browser.await("[data-test=request-form]");
            browser.markPageLoad();
            fillCrisisRequest(browser, "9401");
            // "Houd mij op de hoogte": by SMS, when placed or escalated only
            browser.click("[data-test=follow-up] summary");
            browser.find("[data-test=follow-up-phone]").sendKeys("06 1234 5678");
            browser.click("[data-test=follow-up-BOOKED]");
            browser.click("[data-test=follow-up-REMINDER]");
            List<String> known = requestsOf(gp).stream().map(request -> (String) request.get("id")).toList();
            browser.click("[data-test=submit-request]");

            String requestId = await().atMost(Duration.ofSeconds(30)).until(() -> requestsOf(gp).stream()
                    .map(request -> (String) request.get("id")).filter(id -> !known.contains(id)).findFirst().orElse(null),
                    id -> id != null);
            crisis.track(requestId);
            String card = "[data-test=my-requests] li[data-request='" + requestId + "']";
            browser.await(card);
            assertThat(browser.text(card + " [data-test=follow-up-choice]"))
                    .isEqualTo("Bericht per sms: geplaatst, nog geen plek, coördinator gewaarschuwd");
            Map<?, ?> followUp = gp.get().uri("/api/v1/requests/{id}/follow-up", requestId).retrieve()
                    .bodyToMono(Map.class).block();
            assertThat(followUp.get("phone")).isEqualTo("+31612345678");
            assertThat(followUp.get("events")).isEqualTo(List.of("PLACED", "ESCALATED"));
            crisis.accept(crisis.awaitOffer(requestId));

            WebElement match = browser.await(card + "[data-status=MATCHED] [data-test=match]");
            assertThat(match.getText()).contains("opname verwacht");
            assertThat(browser.text(card + " [data-test=status]")).isEqualTo("Geplaatst");
            assertThat(browser.stillSamePage()).isTrue();
            browser.screenshot("referrer-3-placed-with-address");
        }
    }

    @Test
    void aRequestSentAgainAfterItsAnswerWasLostIsMadeOnce() {
        List<String> known = requestsOf(gp).stream().map(request -> (String) request.get("id")).toList();
        try (Browser browser = Browser.signedInAs(stack.url(), E2eStack.REFERRER)) {
            browser.await("[data-test=request-form]");
            fillCrisisRequest(browser, "9401");
            // the request reaches the API and is made, but its answer never reaches the browser
            ((JavascriptExecutor) browser.driver()).executeScript("""
                    const realFetch = window.fetch;
                    let lost = false;
                    window.fetch = async (path, init) => {
                      const response = await realFetch(path, init);
                      if (!lost && init?.method === 'POST' && path === '/api/v1/requests') {
                        lost = true;
                        throw new TypeError('the connection dropped before the answer came');
                      }
                      return response;
                    };""");
            browser.click("[data-test=submit-request]");
            assertThat(browser.text("[data-test=form-error]:not(:empty)")).contains("geen verbinding");
            String requestId = await().atMost(Duration.ofSeconds(30)).until(() -> requestsOf(gp).stream()
                    .map(request -> (String) request.get("id")).filter(id -> !known.contains(id)).toList(),
                    made -> !made.isEmpty()).get(0);
            crisis.track(requestId);
            // it shows under "my requests" although the form said the sending failed
            browser.await("[data-test=my-requests] li[data-request='" + requestId + "']");

            // the GP sends the same form again, as the error tells them to
            browser.click("[data-test=submit-request]");
            browser.await("#announcer .toast.success");
            assertThat(browser.text("[data-test=form-error]")).isEmpty();
        }
        assertThat(requestsOf(gp).stream().map(request -> (String) request.get("id")).filter(id -> !known.contains(id)))
                .as("the request sent twice was made once").hasSize(1);
    }

    @Test
    void aPlannedRespiteStayBookedFromTheFormIsAcceptedInTheProvidersBrowser() {
        WebClient consultant = stack.as(E2eStack.RESPITE_CONSULTANT);
        // nights of its own, beyond the month the other respite test books, at the logeerhuis in Emmen
        LocalDate firstNight = LocalDate.now().plusDays(45);
        stack.asProviderOf(LOGEERHUIS).put().uri("/api/v1/locations/{id}/capacity/WMO_LOGEER/nights", LOGEERHUIS)
                .bodyValue(Map.of("nights", List.of(Map.of("from", firstNight.toString(),
                        "to", firstNight.plusDays(2).toString(), "freeBeds", 3))))
                .retrieve().toBodilessEntity().block();
        List<String> known = requestsOf(consultant).stream().map(request -> (String) request.get("id")).toList();
        try (Browser browser = Browser.signedInAs(stack.url(), E2eStack.RESPITE_CONSULTANT)) {
            browser.await("[data-test=request-form]");
            browser.click("[data-test=urgency-PLANNED]");
            new Select(browser.find("[data-test=care-type]")).selectByValue("WMO_LOGEER");
            new Select(browser.find("[data-field='residence.municipality']")).selectByValue("Emmen");
            browser.click("input[name=needs][value=DEMENTIA]");
            browser.fillDate("[data-test=first-night]", firstNight);
            browser.find("[data-test=nights]").sendKeys("3");
            browser.find("[data-test=contact-name]").sendKeys("Respijtconsulent Emmen");
            browser.find("[data-test=contact-phone]").sendKeys("0591 123456");
            browser.click("[data-test=submit-request]");

            String requestId = await().atMost(Duration.ofSeconds(30)).until(() -> requestsOf(consultant).stream()
                    .map(request -> (String) request.get("id")).filter(id -> !known.contains(id)).findFirst().orElse(null),
                    id -> id != null);
            Map<?, ?> offer = crisis.awaitOffer(requestId);
            try (Browser provider = Browser.signedInAs(stack.url(), stack.providerOf((String) offer.get("locationId")))) {
                String inboxEntry = "li[data-offer='" + offer.get("id") + "']";
                assertThat(provider.text(inboxEntry)).contains("3 nacht(en)");
                provider.click(inboxEntry + " [data-test=accept]");
                provider.await(inboxEntry + "[data-status=ACCEPTED]");
            }
            String card = "[data-test=my-requests] li[data-request='" + requestId + "'][data-status=BOOKED]";
            assertThat(browser.text(card + " [data-test=match]")).contains("3 nacht(en)");
            browser.screenshot("referrer-4-planned-stay-booked");
        }
    }

    /** The GP post's crisis request for ELV high-complex care, from this postcode; not sent yet. */
    private static void fillCrisisRequest(Browser browser, String postcode) {
        new Select(browser.find("[data-test=care-type]")).selectByValue("ELV_HOOG");
        browser.find("[data-test=postcode]").sendKeys(postcode);
        browser.find("[data-test=contact-name]").sendKeys("Huisartsenpost Assen");
        browser.find("[data-test=contact-phone]").sendKeys("0592 123456");
    }

    private static List<Map<?, ?>> requestsOf(WebClient referrer) {
        return referrer.get().uri("/api/v1/requests").retrieve().bodyToFlux(Map.class).<Map<?, ?>>map(m -> m).collectList().block();
    }
}
