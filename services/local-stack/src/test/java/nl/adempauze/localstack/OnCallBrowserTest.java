package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The on-call coordinator in a real browser: with nobody on call the board says so; the coordinator plans a shift on
 * the Dienstrooster (a bad mobile number is refused by the API and said in Dutch at the field), a crisis request
 * with no free bed anywhere escalates and pages the coordinator, the board shows the open page, Bevestigen takes it
 * and the page and the escalation say who acknowledged it; monitoring shows the time to acknowledge.
 */
class OnCallBrowserTest {

    private static final String CARE_TYPE = CrisisScenario.CARE_TYPE;
    private static final String PRIMARY_PHONE = "[data-test=shift-form] [data-field='primary.phone']";

    private static final E2eStack stack = E2eStack.get();

    @RegisterExtension
    static final CrisisScenario crisis = CrisisScenario.perTestClass(stack, 0);

    /** The region's figures for the care type before the test, put back after it. */
    private static final Map<String, Integer> freeBedsBefore = new HashMap<>();

    @BeforeAll
    static void nobodyOnCallAndNoFreeBed() {
        removeEveryShift();
        // no bed that can be held anywhere, in Drenthe nor in Groningen (whose beds Drenthe offers when it has none):
        // a crisis request escalates (the figure may not go below the held beds)
        for (Map<?, ?> figure : figures()) {
            String location = (String) figure.get("locationId");
            freeBedsBefore.put(location, ((Number) figure.get("freeBeds")).intValue());
            publish(location, ((Number) figure.get("heldBeds")).intValue());
        }
        stack.awaitMatchingCaughtUp();
    }

    @AfterAll
    static void putBack() {
        removeEveryShift();
        for (Map<?, ?> figure : figures()) {
            String location = (String) figure.get("locationId");
            int held = ((Number) figure.get("heldBeds")).intValue();
            publish(location, Math.max(held, freeBedsBefore.getOrDefault(location, held)));
        }
    }

    @Test
    void theCoordinatorPlansAShiftIsPagedAndAcknowledgesOnTheBoard() {
        try (Browser coordinator = Browser.signedInAs(stack.url(), E2eStack.COORDINATOR)) {
            assertThat(coordinator.text("[data-test=on-call-gap]")).contains("Niemand heeft nu dienst");
            coordinator.screenshot("on-call-1-board-flags-nobody-on-call");

            coordinator.driver().get(stack.url() + "/#/dienstrooster");
            coordinator.await("[data-test=shift-form] [data-field='primary.userId']");
            type(coordinator, "primary.userId", "coordinator-drenthe");
            type(coordinator, "primary.email", "femke.mulder@coordinatiepunt-drenthe.example");
            type(coordinator, "primary.phone", "06 1234");
            type(coordinator, "backup.userId", "coordinator-drenthe-achterwacht");
            type(coordinator, "backup.email", "achterwacht@coordinatiepunt-drenthe.example");
            type(coordinator, "backup.phone", "+31687654321");
            coordinator.click("[data-test=save-shift]");
            // the error's place is on the page from the start, empty: wait for the API's answer to fill it
            String phoneError = coordinator.waitFor(d -> {
                String text = d.findElement(By.cssSelector("[data-error-for='primary.phone']")).getText();
                return text.isEmpty() ? null : text;
            });
            assertThat(phoneError).isEqualTo("Vul een mobiel nummer in: 06 12345678, +31 6 12345678 of internationaal (+49…).");
            assertThat(coordinator.find(PRIMARY_PHONE).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(shifts()).as("nothing stored").isEmpty();
            coordinator.screenshot("on-call-2-rota-bad-mobile-number");

            coordinator.find(PRIMARY_PHONE).clear();
            type(coordinator, "primary.phone", "06 12345678");
            coordinator.click("[data-test=save-shift]");
            coordinator.waitFor(d -> d.findElement(By.cssSelector("[data-test=now-primary]")).getText()
                    .contains("coordinator-drenthe · femke.mulder@coordinatiepunt-drenthe.example · +31612345678"));
            assertThat(coordinator.text("[data-test=now-backup]")).startsWith("coordinator-drenthe-achterwacht");
            coordinator.screenshot("on-call-3-rota-shift-planned");

            coordinator.driver().get(stack.url() + "/#/coordinator");
            coordinator.await("[data-test=on-call-now]");
            assertThat(coordinator.findAll("[data-test=on-call-gap]")).as("someone on call for 8 hours").isEmpty();

            String requestId = crisis.submit();
            crisis.awaitStatus(requestId, "ESCALATED");
            String page = "[data-test=open-pages] li[data-request='" + requestId + "']";
            assertThat(coordinator.text(page + " [data-test=page-state]")).startsWith("Dienstdoende opgeroepen");
            coordinator.screenshot("on-call-4-board-open-page");
            coordinator.click(page + " [data-test=acknowledge]");

            // the board re-renders its pages while we look: read the element afresh
            assertThat(coordinator.textContent("[data-test=acknowledged-pages] li[data-request='" + requestId
                    + "'][data-status=ACKNOWLEDGED]")).contains("Bevestigd door coordinator-drenthe om ");
            assertThat(coordinator.findAll(page)).as("no longer open").isEmpty();
            String escalation = "[data-test=escalations] li[data-request='" + requestId + "'] [data-test=page-note]";
            assertThat(coordinator.text(escalation)).startsWith("Oproep bevestigd door coordinator-drenthe om ");
            assertThat(pagesOf(requestId)).singleElement()
                    .satisfies(taken -> assertThat(taken).containsEntry("status", "ACKNOWLEDGED")
                            .containsEntry("acknowledgedBy", E2eStack.COORDINATOR));
            coordinator.screenshot("on-call-5-board-page-acknowledged");

            // monitoring: time to acknowledge, median and p90, beside the other figures
            coordinator.driver().get(stack.url() + "/#/monitoring");
            String figure = coordinator.text("[data-test=kpi-time-to-acknowledge]");
            assertThat(figure).matches("(?s)\\d+ (s|min \\d+ s) · \\d+ (s|min \\d+ s)\\s+Oproep bevestigd, mediaan · p90 "
                    + "\\(\\d+ van \\d+\\)");
            coordinator.screenshot("on-call-6-monitoring-time-to-acknowledge");
        }
    }

    private static void type(Browser browser, String field, String text) {
        browser.find("[data-test=shift-form] [data-field='" + field + "']").sendKeys(text);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> pagesOf(String requestId) {
        List<?> pages = stack.as(E2eStack.COORDINATOR).get().uri("/api/v1/regions/drenthe/pages").retrieve()
                .bodyToMono(List.class).block();
        return pages.stream().map(page -> (Map<String, Object>) page)
                .filter(page -> requestId.equals(page.get("requestId"))).toList();
    }

    private static List<Map<?, ?>> shifts() {
        Map<?, ?> onCall = stack.as(E2eStack.COORDINATOR).get().uri("/api/v1/regions/drenthe/on-call").retrieve()
                .bodyToMono(Map.class).block();
        List<Map<?, ?>> all = new java.util.ArrayList<>();
        if (onCall.get("now") != null) {
            all.add((Map<?, ?>) onCall.get("now"));
        }
        ((List<?>) onCall.get("next")).forEach(shift -> all.add((Map<?, ?>) shift));
        return all;
    }

    private static void removeEveryShift() {
        for (Map<?, ?> shift : shifts()) {
            stack.as(E2eStack.COORDINATOR).delete().uri("/api/v1/regions/drenthe/shifts/{id}", shift.get("id"))
                    .retrieve().toBodilessEntity().block();
        }
    }

    /** The care type's figures of every location of Drenthe and of its neighbour Groningen. */
    private static List<Map<?, ?>> figures() {
        List<Map<?, ?>> figures = new java.util.ArrayList<>(figures("drenthe", E2eStack.COORDINATOR));
        figures.addAll(figures("groningen", E2eStack.OTHER_REGION_COORDINATOR));
        return figures;
    }

    private static List<Map<?, ?>> figures(String region, String coordinator) {
        Map<?, ?> view = stack.as(coordinator).get()
                .uri("/api/v1/regions/{region}/capacity?careType={careType}", region, CARE_TYPE).retrieve()
                .bodyToMono(Map.class).block();
        List<Map<?, ?>> figures = new java.util.ArrayList<>();
        for (Object location : (List<?>) view.get("locations")) {
            for (Object figure : (List<?>) ((Map<?, ?>) location).get("careTypes")) {
                if (CARE_TYPE.equals(((Map<?, ?>) figure).get("careType"))) {
                    Map<Object, Object> withLocation = new HashMap<>((Map<?, ?>) figure);
                    withLocation.put("locationId", ((Map<?, ?>) location).get("locationId"));
                    figures.add(withLocation);
                }
            }
        }
        return figures;
    }

    private static void publish(String location, int freeBeds) {
        stack.asProviderOf(location).put().uri("/api/v1/locations/{id}/capacity/{type}", location, CARE_TYPE)
                .bodyValue(Map.of("freeBeds", freeBeds)).retrieve().toBodilessEntity().block();
    }
}
