package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider's planner uploads a CSV file saved from a spreadsheet on the provider screen: every figure in it is
 * published; a file with a bad line publishes nothing and names the line to correct.
 */
class CapacityUploadBrowserTest {

    private static final String PLANNER = "planner-zorggroep-drentse-aa";
    private static final String PROVIDER = "zorggroep-drentse-aa";
    private static final String CARE_TYPE = "ELV_LAAG";

    private final E2eStack stack = E2eStack.get();
    private final Map<String, Integer> before = new HashMap<>();

    @TempDir
    Path files;

    @AfterEach
    void putFiguresBack() {
        before.forEach((location, freeBeds) -> stack.as(PLANNER).put()
                .uri("/api/v1/locations/{id}/capacity/{type}", location, CARE_TYPE)
                .bodyValue(Map.of("freeBeds", freeBeds)).retrieve().toBodilessEntity().block());
    }

    @Test
    void aPlannerPublishesEveryFigureOfAFileAndABadLineIsNamedAndPublishesNothing() throws IOException {
        Map<String, Map<?, ?>> figures = ownFigures();
        assertThat(figures).as("%s's locations with %s", PROVIDER, CARE_TYPE).hasSizeGreaterThanOrEqualTo(2);
        figures.forEach((location, figure) -> before.put(location, ((Number) figure.get("freeBeds")).intValue()));
        List<String> locations = figures.keySet().stream().sorted().toList();
        // at least what is held there, or the figure would be refused
        Map<String, Integer> wanted = new HashMap<>();
        for (String location : locations) {
            wanted.put(location, ((Number) figures.get(location).get("heldBeds")).intValue() + 2);
        }

        Path good = files.resolve("vrije-bedden.csv");
        StringBuilder csv = new StringBuilder("locationId;careType;freeBeds\r\n");
        locations.forEach(location -> csv.append(location).append(';').append(CARE_TYPE).append(';')
                .append(wanted.get(location)).append("\r\n"));
        Files.writeString(good, csv);
        Path bad = files.resolve("vrije-bedden-fout.csv");
        Files.writeString(bad, "locationId;careType;freeBeds\r\n" + locations.get(0) + ";" + CARE_TYPE + ";9\r\n"
                + locations.get(1) + ";" + CARE_TYPE + ";veel\r\n");

        try (Browser planner = Browser.signedInAs(stack.url(), PLANNER)) {
            planner.await("[data-test=capacity-upload-panel]");
            planner.find("[data-test=capacity-file]").sendKeys(good.toString());
            planner.click("[data-test=capacity-upload]");
            assertThat(planner.filledText("[data-test=capacity-upload-result]"))
                    .isEqualTo(locations.size() + " cijfer(s) gepubliceerd.");
            planner.screenshot("capacity-upload-1-published");
            Map<String, Map<?, ?>> after = ownFigures();
            locations.forEach(location -> assertThat(((Number) after.get(location).get("freeBeds")).intValue())
                    .as(location).isEqualTo(wanted.get(location)));

            planner.find("[data-test=capacity-file]").sendKeys(bad.toString());
            planner.click("[data-test=capacity-upload]");
            assertThat(planner.text("[data-test=capacity-upload-errors]"))
                    .isEqualTo("Regel 3 (freeBeds): freeBeds must be a whole number, not 'veel'");
            assertThat(planner.text("[data-test=capacity-upload-result]"))
                    .startsWith("Niets gepubliceerd: 1 regel(s) kloppen niet.");
            planner.screenshot("capacity-upload-2-refused-line");
            assertThat(((Number) ownFigures().get(locations.get(0)).get("freeBeds")).intValue())
                    .as("line 2 of the refused file not published").isEqualTo(wanted.get(locations.get(0)));
        }
    }

    /** The provider's figures for the care type, by location, as the region's view shows them. */
    private Map<String, Map<?, ?>> ownFigures() {
        Map<?, ?> view = stack.as(E2eStack.COORDINATOR).get()
                .uri("/api/v1/regions/drenthe/capacity?careType={type}", CARE_TYPE).retrieve()
                .bodyToMono(Map.class).block();
        Map<String, Map<?, ?>> figures = new HashMap<>();
        for (Object entry : (List<?>) view.get("locations")) {
            Map<?, ?> location = (Map<?, ?>) entry;
            if (PROVIDER.equals(location.get("providerId"))) {
                figures.put((String) location.get("locationId"), (Map<?, ?>) ((List<?>) location.get("careTypes")).get(0));
            }
        }
        return figures;
    }
}
