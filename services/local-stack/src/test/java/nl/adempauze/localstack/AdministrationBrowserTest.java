package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * "Beheer" in a real browser, as the demo user {@code admin} (administrator of Drenthe): a wrong postcode is refused
 * next to the field and nothing is added; the location then added from the screen is offered to the next fitting
 * request within seconds; a feature ticked on the screen is used for the next request at once. No other location
 * has BARIATRIC, DEMENTIA and ISOLATION together. A care type's response deadline out of range is refused next to
 * the field, in Dutch; a right one is kept and audited.
 */
class AdministrationBrowserTest {

    private static final E2eStack stack = E2eStack.get();
    private static final String LOCATION = "loc-assen-het-beheerhuis";
    private final FittingRequests requests = new FittingRequests(stack);

    @Test
    void aLocationAddedOnTheScreenIsOfferedAtOnceAndAFeatureTickedThereIsUsedAtOnce() {
        try (Browser browser = Browser.signedInAs(stack.url(), E2eStack.ADMIN)) {
            browser.click("a[href='#/beheer']");
            browser.await("[data-test=location-form] [data-test=field-id]");
            assertThat(browser.text("h1")).isEqualTo("Beheer");
            browser.find("[data-test=field-id]").sendKeys(LOCATION);
            browser.find("[data-test=field-providerId]").sendKeys("zorggroep-drentse-aa");
            browser.find("[data-test=field-providerName]").sendKeys("Zorggroep Drentse Aa");
            browser.find("[data-test=field-name]").sendKeys("Het Beheerhuis");
            browser.find("[data-test=field-address-street]").sendKeys("Beheerweg 1");
            browser.find("[data-test=field-address-postcode]").sendKeys("hallo");
            browser.find("[data-test=field-address-city]").sendKeys("Assen");
            new Select(browser.find("[data-test=field-municipality]")).selectByValue("Assen");
            browser.find("[data-test=field-latitude]").sendKeys("52.99");
            browser.find("[data-test=field-longitude]").sendKeys("6.56");
            for (String feature : List.of("BARIATRIC", "DEMENTIA", "ISOLATION")) {
                browser.click("[data-test=feature-" + feature + "]");
            }
            browser.click("[data-test=contracts] input[data-funder='zilveren-kruis'][data-care-type='ELV_HOOG']");
            browser.find("[data-test=beds-ELV_HOOG]").sendKeys("2");
            browser.click("[data-test=save-location]");

            assertThat(browser.text("[data-test='error-details.address.postcode']")).contains("postcode");
            assertThat(browser.text("[data-test=beheer-error]")).startsWith("Controleer de invoer.");
            browser.screenshot("beheer-1-postcode-refused");
            org.junit.jupiter.api.Assertions.assertThrows(WebClientResponseException.NotFound.class,
                    () -> stack.as(E2eStack.COORDINATOR).get().uri("/api/v1/locations/{id}", LOCATION).retrieve()
                            .toBodilessEntity().block());

            WebElement postcode = browser.find("[data-test=field-address-postcode]");
            postcode.clear();
            postcode.sendKeys("9402 AB");
            browser.click("[data-test=save-location]");
            String card = "[data-test=beheer-locations] li[data-location='" + LOCATION + "']";
            assertThat(browser.text(card)).contains("Het Beheerhuis", "Bariatrisch", "Geschikt voor dementie");
            browser.waitFor(d -> d.findElement(By.cssSelector("[data-test=beheer-changes]")).getText()
                    .contains("Locatie toegevoegd: " + LOCATION));
            browser.screenshot("beheer-2-location-added");

            String first = requests.submit(List.of("BARIATRIC", "DEMENTIA", "ISOLATION"));
            assertThat(requests.awaitOfferAt(first, LOCATION)).isNotNull();

            browser.click(card + " [data-test=edit-location]");
            String editing = "[data-test=location-form][data-location='" + LOCATION + "']";
            browser.await(editing + " [data-test=feature-OXYGEN]");
            browser.click(editing + " [data-test=feature-OXYGEN]");
            browser.click(editing + " [data-test=save-location]");
            browser.waitFor(d -> d.findElement(By.cssSelector(card)).getText().contains("Zuurstof"));
            browser.screenshot("beheer-3-feature-added");
        }
        String second = requests.submit(List.of("BARIATRIC", "DEMENTIA", "ISOLATION", "OXYGEN"));
        assertThat(requests.awaitOfferAt(second, LOCATION)).isNotNull();
        Map<?, ?> location = (Map<?, ?>) stack.as(E2eStack.COORDINATOR).get().uri("/api/v1/locations/{id}", LOCATION)
                .retrieve().bodyToMono(Map.class).block().get("location");
        assertThat(location.get("features")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("OXYGEN");
    }

    @Test
    void aCareTypesResponseDeadlineIsRefusedNextToTheFieldWhenOutOfRangeAndKeptWhenRight() {
        try (Browser browser = Browser.signedInAs(stack.url(), E2eStack.ADMIN)) {
            String field = "[data-test=GRZ-crisis]";
            String save = "[data-test=save-care-type-GRZ]";
            String before = browser.await(field).getDomProperty("value");
            try {
                setValue(browser, field, "0");
                browser.click(save);
                assertThat(browser.text("[data-test=care-type-GRZ] [data-test=error-crisisResponseMinutes]"))
                        .isEqualTo("Tussen 1 en 1440 minuten.");
                browser.screenshot("beheer-4-deadline-refused");
                assertThat(crisisResponseOfGrz()).isEqualTo(Long.parseLong(before));

                setValue(browser, field, "17");
                browser.click(save);
                await().atMost(java.time.Duration.ofSeconds(10)).until(() -> crisisResponseOfGrz() == 17L);
                browser.waitFor(d -> d.findElement(By.cssSelector("[data-test=beheer-changes]")).getText()
                        .contains("Zorgsoort ingesteld: GRZ"));
            } finally {
                setValue(browser, field, before);
                browser.click(save);
                await().atMost(java.time.Duration.ofSeconds(10))
                        .until(() -> crisisResponseOfGrz() == Long.parseLong(before));
            }
        }
    }

    private static void setValue(Browser browser, String css, String value) {
        WebElement input = browser.await(css);
        input.clear();
        input.sendKeys(value);
    }

    /** GRZ's crisis response deadline in minutes, as the region now has it. */
    private static long crisisResponseOfGrz() {
        Map<?, ?> region = stack.as(E2eStack.ADMIN).get().uri("/api/v1/regions/drenthe").retrieve()
                .bodyToMono(Map.class).block();
        return ((List<?>) region.get("careTypes")).stream().map(Map.class::cast)
                .filter(type -> "GRZ".equals(type.get("code")))
                .map(type -> java.time.Duration.parse((String) type.get("crisisResponse")).toMinutes())
                .findFirst().orElseThrow();
    }

    @AfterEach
    void cancelRequestsAndCloseTheLocation() {
        requests.closeAddedLocation(LOCATION);
    }
}
