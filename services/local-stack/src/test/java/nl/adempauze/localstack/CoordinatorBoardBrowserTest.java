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

/**
 * The coordinator's board in a real browser, live without reloading: a GP's crisis request appears on it, the
 * provider reads its handover and accepts the offer in its own browser session, and the board turns the request to
 * placed; a provider's
 * publish in its browser changes the board's figure.
 */
class CoordinatorBoardBrowserTest {

    private static final String DE_HOOGTE = CrisisScenario.DE_HOOGTE;
    private static final String CARE_TYPE = CrisisScenario.CARE_TYPE;

    private static final E2eStack stack = E2eStack.get();

    @RegisterExtension
    static final CrisisScenario crisis = CrisisScenario.perTestClass(stack, 3);

    @Test
    void aNewCrisisRequestAppearsLiveAndTurnsToPlacedWhenTheProviderAcceptsInItsBrowser() {
        try (Browser coordinator = Browser.signedInAs(stack.url(), E2eStack.COORDINATOR)) {
            coordinator.await("[data-test=capacity-table]");
            coordinator.waitFor(d -> "Live".equals(d.findElement(By.cssSelector("[data-test=live-state]")).getText()));
            coordinator.markPageLoad();

            String requestId = crisis.submit();
            coordinator.await("[data-test=open-requests] tr[data-request='" + requestId + "']");
            coordinator.screenshot("board-1-new-crisis-request");

            Map<?, ?> offer = crisis.awaitOffer(requestId);
            String offerId = (String) offer.get("id");
            String location = (String) offer.get("locationId");
            try (Browser provider = Browser.signedInAs(stack.url(), stack.providerOf(location))) {
                provider.await("li[data-offer='" + offerId + "'] [data-test=accept]");
                // the handover (aanmeldbericht), read before answering: one click, an audited look, in Dutch
                provider.clickUntil("li[data-offer='" + offerId + "'] [data-test=show-handover]", d -> !d.findElements(
                        By.cssSelector("li[data-offer='" + offerId + "'] [data-test=handover]")).isEmpty());
                String handover = provider.text("li[data-offer='" + offerId + "'] [data-test=handover]");
                assertThat(handover).contains(CrisisScenario.HANDOVER_REASON, "Met twee personen", "Niet reanimeren")
                        .doesNotContain(CrisisScenario.PATIENT);
                provider.screenshot("board-2-provider-inbox-with-offer-and-handover");
                provider.click("li[data-offer='" + offerId + "'] [data-test=accept]");
                provider.await("li[data-offer='" + offerId + "'][data-status=ACCEPTED]");
                // who the patient is, only now and only when asked (an audited look)
                assertThat(provider.text("li[data-offer='" + offerId + "']")).doesNotContain(CrisisScenario.PATIENT);
                provider.clickUntil("li[data-offer='" + offerId + "'] [data-test=show-patient]", d -> d.findElement(
                        By.cssSelector("li[data-offer='" + offerId + "']")).getText().contains(CrisisScenario.PATIENT));
                provider.screenshot("board-3-provider-accepted");
            }

            coordinator.await("[data-test=placed] li[data-request='" + requestId + "'][data-status=MATCHED]");
            assertThat(coordinator.findAll("[data-test=open-requests] tr[data-request='" + requestId + "']"))
                    .as("no longer among the open requests").isEmpty();
            assertThat(coordinator.stillSamePage()).as("the board changed without a reload").isTrue();
            coordinator.screenshot("board-4-request-placed");
        }
    }

    @Test
    void aProvidersPublishInItsBrowserChangesTheBoard() {
        String cell = "tr[data-location='" + DE_HOOGTE + "'] td[data-care-type='" + CARE_TYPE + "'] .available";
        try (Browser coordinator = Browser.signedInAs(stack.url(), E2eStack.COORDINATOR)) {
            coordinator.await(cell);
            coordinator.markPageLoad();
            try (Browser provider = Browser.signedInAs(stack.url(), stack.providerOf(DE_HOOGTE))) {
                String form = "section[data-location='" + DE_HOOGTE + "'] form[data-care-type='" + CARE_TYPE + "']";
                provider.await(form + " [data-test=free-beds]");
                int before = provider.waitFor(d -> Integer.parseInt(
                        d.findElement(By.cssSelector(form + " [data-test=free-beds]")).getDomProperty("value")));
                int availableBefore = Integer.parseInt(coordinator.text(cell));
                // two clicks: one bed more, publish
                provider.click(form + " [data-test=more]");
                provider.click(form + " [data-test=publish]");
                provider.screenshot("publish-1-provider-published");

                coordinator.waitFor(d -> Integer.parseInt(d.findElement(By.cssSelector(cell)).getText()) == availableBefore + 1);
                assertThat(freeBedsNow()).isEqualTo(before + 1);
            }
            assertThat(coordinator.stillSamePage()).isTrue();
            coordinator.screenshot("publish-2-board-shows-the-new-figure");
        }
    }

    @Test
    void theCoordinatorMatchesByHandFromTheRankingWithAReason() {
        String requestId = crisis.submit();
        Map<?, ?> first = crisis.awaitOffer(requestId);
        try (Browser coordinator = Browser.signedInAs(stack.url(), E2eStack.COORDINATOR)) {
            coordinator.click("[data-test=open-requests] tr[data-request='" + requestId + "'] [data-test=open-request]");
            String other = "[data-test=ranking] [data-test=manual-offer]";
            String chosen = coordinator.waitFor(d -> d.findElement(By.cssSelector(other)).getDomAttribute("data-location"));
            // the ranking's reasons in Dutch, from their codes
            assertThat(coordinator.text("[data-test=ranking] [data-test=explanation]")).contains("km van huis");
            coordinator.click(other + "[data-location='" + chosen + "']");
            coordinator.click("[data-test=manual-offer-form-confirm]");
            assertThat(coordinator.text("[data-test=manual-offer-form] .field-error"))
                    .isEqualTo("Geef een reden van minstens 3 tekens.");
            coordinator.find("[data-test=manual-offer-form] textarea").sendKeys("Dochter woont om de hoek");
            coordinator.screenshot("board-5-manual-offer-with-reason");
            coordinator.click("[data-test=manual-offer-form-confirm]");

            Map<?, ?> now = crisis.awaitOffer(requestId, chosen);
            assertThat(now.get("id")).isNotEqualTo(first.get("id"));
            coordinator.waitFor(d -> d.findElement(By.cssSelector("[data-test=detail]")).getText()
                    .contains("Met de hand aangeboden door coordinator-drenthe – Dochter woont om de hoek"));
            coordinator.screenshot("board-6-offered-where-the-coordinator-chose");
        }
    }

    /** A reason from the list, in Dutch; the coordinator's note stays inside, with the patient's details. */
    @Test
    void theCoordinatorCancelsWithAReasonFromTheListAndANoteKeptInside() {
        String requestId = crisis.submit();
        crisis.awaitOffer(requestId);
        try (Browser coordinator = Browser.signedInAs(stack.url(), E2eStack.COORDINATOR)) {
            coordinator.click("[data-test=open-requests] tr[data-request='" + requestId + "'] [data-test=open-request]");
            coordinator.click("[data-test=action-cancel]");
            coordinator.click("[data-test=cancel-form-confirm]");
            assertThat(coordinator.text("[data-test=cancel-form] .field-error")).isEqualTo("Kies een reden.");
            new Select(coordinator.find("[data-test=cancel-form-code]"))
                    .selectByVisibleText("Opgenomen in het ziekenhuis");
            coordinator.find("[data-test=cancel-form] textarea").sendKeys("Dochter belde: ligt in het Wilhelmina");
            coordinator.screenshot("board-7-cancel-with-a-reason-from-the-list");
            coordinator.click("[data-test=cancel-form-confirm]");

            Map<?, ?> cancelled = await().atMost(Duration.ofSeconds(30))
                    .until(() -> stack.as(E2eStack.COORDINATOR).get().uri("/api/v1/requests/{id}", requestId)
                            .retrieve().bodyToMono(Map.class).block(), view -> "CANCELLED".equals(view.get("status")));
            assertThat(cancelled.get("cancelReason")).isEqualTo("ADMITTED_TO_HOSPITAL");
            assertThat((List<?>) cancelled.get("notes")).singleElement()
                    .satisfies(note -> assertThat(((Map<?, ?>) note).get("text"))
                            .isEqualTo("Dochter belde: ligt in het Wilhelmina"));
        }
    }

    private static int freeBedsNow() {
        Map<?, ?> view = stack.as(E2eStack.COORDINATOR).get().uri("/api/v1/regions/drenthe/capacity").retrieve()
                .bodyToMono(Map.class).block();
        return ((java.util.List<?>) view.get("locations")).stream().map(Map.class::cast)
                .filter(location -> DE_HOOGTE.equals(location.get("locationId")))
                .flatMap(location -> ((java.util.List<?>) location.get("careTypes")).stream().map(Map.class::cast))
                .filter(figure -> CARE_TYPE.equals(figure.get("careType")))
                .map(figure -> ((Number) figure.get("freeBeds")).intValue()).findFirst().orElseThrow();
    }
}
