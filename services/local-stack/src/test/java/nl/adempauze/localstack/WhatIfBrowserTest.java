package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The coordinator's "Wat als" on the monitoring page in a real browser: the form starts at today's settings (one
 * protected Wlz logeer bed per location and night), one more protected bed (and a second Wlz logeer bed at Logeerhuis
 * Peelo, where it can matter) over three months is run through the real rules on the server, and the table shows
 * today's and the what-if's crisis placement in time and respite nights taken by crisis as the API gives them, and
 * the nights booked that the change adds.
 */
class WhatIfBrowserTest {

    private static final E2eStack stack = E2eStack.get();

    @Test
    void oneMoreProtectedRespiteBedIsShownBesideToday() {
        try (Browser browser = Browser.signedInAs(stack.url(), E2eStack.COORDINATOR)) {
            browser.driver().get(stack.url() + "/#/monitoring");
            browser.await("[data-test=whatif-run]");
            // pre-filled with today's settings, from the region's care types
            assertThat(new Select(browser.find("[data-test=whatif-protection-mode-WLZ_LOGEER]"))
                    .getFirstSelectedOption().getDomAttribute("value")).isEqualTo("beds");
            WebElement beds = browser.find("[data-test=whatif-protection-value-WLZ_LOGEER]");
            assertThat(beds.getDomProperty("value")).isEqualTo("1");
            assertThat(browser.find("[data-test=whatif-release]").getDomProperty("value")).isEqualTo("48");

            beds.clear();
            beds.sendKeys("2");
            // and a second Wlz logeer bed at Logeerhuis Peelo: every respite location has one bed of a kind, so a
            // second protected bed matters only where there are two (docs/WHAT-IF.md)
            browser.click("[data-test=whatif-add-beds]");
            new Select(browser.find("[data-test=whatif-extra-location]")).selectByValue("loc-assen-logeerhuis-peelo");
            new Select(browser.find("[data-test=whatif-extra-care-type]")).selectByValue("WLZ_LOGEER");
            assertThat(browser.find("[data-test=whatif-extra-beds-count]").getDomProperty("value")).isEqualTo("1");
            new Select(browser.find("[data-test=whatif-months]")).selectByValue("3");
            browser.screenshot("whatif-1-settings");
            browser.click("[data-test=whatif-run]");
            browser.waitFor(d -> !d.findElement(By.cssSelector("[data-test=whatif-progress]")).getText().isBlank()
                    || !d.findElements(By.cssSelector("[data-test=whatif-table]")).isEmpty());
            browser.screenshot("whatif-2-running");

            // a quarter of a year (with its warm-up and run-on) takes some seconds to a minute on a small machine
            browser.waitFor(Duration.ofMinutes(3),
                    d -> !d.findElements(By.cssSelector("[data-test=whatif-table] [data-measure]")).isEmpty());
            String runId = browser.find("[data-test=whatif-result]").getDomAttribute("data-run-id");
            Map<?, ?> run = stack.as(E2eStack.COORDINATOR).get().uri("/api/v1/regions/drenthe/what-if/{id}", runId)
                    .retrieve().bodyToMono(Map.class).block();
            assertThat(run.get("status")).isEqualTo("DONE");
            Map<?, ?> settings = (Map<?, ?>) run.get("settings");
            assertThat(((Number) settings.get("months")).intValue()).isEqualTo(3);
            assertThat((List<?>) settings.get("protection")).map(Map.class::cast)
                    .filteredOn(entry -> "WLZ_LOGEER".equals(entry.get("careType")))
                    .singleElement().satisfies(entry -> assertThat(((Number) entry.get("protectedBeds")).intValue()).isEqualTo(2));
            Map<?, ?> result = (Map<?, ?>) run.get("outcome");
            Map<?, ?> today = row(result, "TODAY");
            Map<?, ?> whatIf = row(result, "WHAT_IF");

            assertThat(cell(browser, "crisisInTimeShare", "today")).isEqualTo(inTime(today));
            assertThat(cell(browser, "crisisInTimeShare", "whatif")).isEqualTo(inTime(whatIf));
            assertThat(cell(browser, "plannedNightsDisplaced", "today")).isEqualTo(String.valueOf(today.get("plannedNightsDisplaced")));
            assertThat(cell(browser, "plannedNightsDisplaced", "whatif")).isEqualTo(String.valueOf(whatIf.get("plannedNightsDisplaced")));
            assertThat(browser.text("[data-test=whatif-settings]")).contains("Wlz logeeropvang: 2 bedden per locatie per nacht",
                    "+1 bed Wlz logeeropvang bij Logeerhuis Peelo");
            // the effect shows: more planned nights booked, and the difference says so
            long booked = ((Number) whatIf.get("plannedNightsBooked")).longValue()
                    - ((Number) today.get("plannedNightsBooked")).longValue();
            assertThat(booked).isPositive();
            assertThat(cell(browser, "plannedNightsBooked", "difference")).startsWith("+" + booked);
            assertThat(browser.findAll(".whatif svg.chart")).hasSize(2);
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.querySelector('[data-test=whatif-result]').scrollIntoView()");
            browser.screenshot("whatif-3-result");
        }
    }

    @Test
    void theRegionsOwnRequestsOfAPeriodAreReplayedInstead() {
        try (Browser browser = Browser.signedInAs(stack.url(), E2eStack.COORDINATOR)) {
            browser.driver().get(stack.url() + "/#/monitoring");
            browser.await("[data-test=whatif-run]");
            assertThat(browser.find("[data-test=whatif-history-from]").isDisplayed()).isFalse();
            new Select(browser.find("[data-test=whatif-demand]")).selectByValue("history");
            // a month of the region's own requests, up to today (the form's default period)
            assertThat(browser.find("[data-test=whatif-months]").isDisplayed()).isFalse();
            String from = browser.find("[data-test=whatif-history-from]").getDomProperty("value");
            String to = browser.find("[data-test=whatif-history-to]").getDomProperty("value");
            browser.click("[data-test=whatif-run]");

            browser.waitFor(Duration.ofMinutes(3), d -> !d.findElements(By.cssSelector(
                    "[data-test=whatif-result][data-run-id] [data-test=whatif-table] [data-measure]")).isEmpty()
                    && d.findElement(By.cssSelector("[data-test=whatif-result]")).getText().contains("eigen aanvragen"));
            String runId = browser.find("[data-test=whatif-result]").getDomAttribute("data-run-id");
            Map<?, ?> run = stack.as(E2eStack.COORDINATOR).get().uri("/api/v1/regions/drenthe/what-if/{id}", runId)
                    .retrieve().bodyToMono(Map.class).block();
            Map<?, ?> history = (Map<?, ?>) ((Map<?, ?>) run.get("settings")).get("history");
            assertThat(history.get("from")).isEqualTo(from);
            assertThat(history.get("to")).isEqualTo(to);
            Map<?, ?> today = row((Map<?, ?>) run.get("outcome"), "TODAY");
            assertThat(cell(browser, "crisisInTimeShare", "today")).isEqualTo(inTime(today));
            browser.screenshot("whatif-4-own-requests");
        }
    }

    private static Map<?, ?> row(Map<?, ?> result, String policy) {
        return ((List<?>) result.get("rows")).stream().map(Map.class::cast)
                .filter(row -> policy.equals(row.get("policy"))).findFirst().orElseThrow();
    }

    private static String cell(Browser browser, String measure, String column) {
        return browser.text("[data-test=whatif-table] tr[data-measure=" + measure + "] td[data-test=" + column + "]");
    }

    /** As the page writes it: the share with one decimal (comma), then placed of asked, e.g. "81,0% (2430 van 3000)". */
    private static String inTime(Map<?, ?> row) {
        if (row.get("crisisInTimeShare") == null) {
            return "–";
        }
        double share = ((Number) row.get("crisisInTimeShare")).doubleValue();
        // the page rounds half away from zero on the exact binary value (Intl.NumberFormat), as BigDecimal(double) does
        String percent = new BigDecimal(share * 100).setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
        return percent + "% (" + row.get("crisisPlacedInTime") + " van " + row.get("crisisRequests") + ")";
    }
}
