package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A live screen fills in by itself once the service answers again: a provider who opens the inbox while its call
 * fails sees the failure, and then the waiting offer without reloading and without an event to wake the page.
 */
class ScreensRecoverBrowserTest {

    private static final E2eStack stack = E2eStack.get();

    @RegisterExtension
    static final CrisisScenario crisis = CrisisScenario.perTestClass(stack, 3);

    @Test
    void theProvidersInboxShowsTheOfferOnceTheFailedCallGoesThroughAgain() {
        String requestId = crisis.submit();
        Map<?, ?> offer = crisis.awaitOffer(requestId);
        String entry = "li[data-offer='" + offer.get("id") + "'] [data-test=accept]";
        try (Browser provider = Browser.signedInBlocking(stack.url(), stack.providerOf((String) offer.get("locationId")),
                "*/offers?status=*")) {
            // the page tried, failed and said so, and the live stream is up: no event is on its way to wake it
            assertThat(provider.text("#announcer .toast.error")).contains("geen verbinding");
            provider.waitFor(d -> "Live".equals(provider.find(".live-state").getText()));
            assertThat(provider.findAll(entry)).isEmpty();
            provider.markPageLoad();
            provider.screenshot("recover-1-inbox-call-failed");

            provider.unblock();
            provider.await(entry);
            assertThat(provider.stillSamePage()).as("filled in without a reload").isTrue();
            provider.screenshot("recover-2-inbox-filled-in-by-itself");
        }
    }
}
