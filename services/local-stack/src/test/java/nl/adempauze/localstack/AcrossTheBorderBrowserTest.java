package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Help across the border in real browsers: with Drenthe's palliative beds taken, Groningen's coordinator sees a
 * Drenthe request on the board labelled "buiten de regio", and Groningen's provider sees the label on the offer and
 * accepts it.
 */
class AcrossTheBorderBrowserTest {

    private static final String CARE_TYPE = "ELV_PALLIATIEF";
    private static final E2eStack stack = E2eStack.get();

    @Test
    void groningenSeesTheDrentheRequestLabelledAndItsProviderAcceptsIt() {
        stack.makeAvailable("drenthe", CARE_TYPE, 0);
        stack.makeAvailable("groningen", CARE_TYPE, 1);
        stack.awaitMatchingCaughtUp();
        try (Browser groningen = Browser.signedInAs(stack.url(), E2eStack.OTHER_REGION_COORDINATOR)) {
            groningen.await("[data-test=capacity-table]");
            Map<?, ?> created = stack.as(E2eStack.REFERRER).post().uri("/api/v1/requests")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("region", "drenthe", "careType", CARE_TYPE, "urgency", "CRISIS",
                            "residence", Map.of("municipality", "Emmen"),
                            "contact", Map.of("name", "Huisartsenpost Emmen", "phone", "0591 123456")))
                    .retrieve().bodyToMono(Map.class).block();
            String requestId = (String) created.get("id");
            Map<?, ?> offer = await().atMost(Duration.ofSeconds(30)).until(() -> (Map<?, ?>) stack
                    .as(E2eStack.REFERRER).get().uri("/api/v1/requests/{id}", requestId).retrieve()
                    .bodyToMono(Map.class).block().get("currentOffer"), o -> o != null && "OPEN".equals(o.get("status")));

            String row = "[data-test=open-requests] tr[data-request='" + requestId + "']";
            groningen.await(row + " [data-test=outside-region]");
            assertThat(groningen.text(row + " [data-test=outside-region]")).contains("buiten de regio");
            groningen.screenshot("border-1-groningen-board");

            String offerId = (String) offer.get("id");
            try (Browser provider = Browser.signedInAs(stack.url(), stack.providerOf((String) offer.get("locationId")))) {
                String card = "li[data-offer='" + offerId + "']";
                provider.await(card + " [data-test=outside-region]");
                assertThat(provider.text(card + " [data-test=outside-region]")).contains("buiten de regio", "Drenthe");
                provider.screenshot("border-2-provider-offer-outside-region");
                provider.click(card + " [data-test=accept]");
                provider.await(card + "[data-status=ACCEPTED]");
            }
            // the patient comes and goes again, so the bed is free for the tests after this one, and Drenthe has
            // palliative beds again (the stack is shared)
            for (String step : List.of("admission", "discharge")) {
                stack.asProviderOf((String) offer.get("locationId")).post()
                        .uri("/api/v1/holds/{offer}/" + step, offerId).retrieve().toBodilessEntity().block();
            }
        } finally {
            stack.makeAvailable("drenthe", CARE_TYPE, 1);
        }
    }
}
