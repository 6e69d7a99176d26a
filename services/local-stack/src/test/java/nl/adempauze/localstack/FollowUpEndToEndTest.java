package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * As a GP would: a crisis request whose referrer asked to be told by SMS and e-mail; once the provider accepts, the
 * text "geplaatst: <locatie>, <adres>, opname <tijd>" is on the local stack's outbox, on both channels, once, and
 * without who the patient is.
 */
class FollowUpEndToEndTest {

    private static final String PHONE = "+31698765432";
    private static final String EMAIL = "dienst-e2e@huisartsenpost-drenthe.example";

    private static final E2eStack stack = E2eStack.get();

    @RegisterExtension
    static final CrisisScenario crisis = CrisisScenario.perTestClass(stack, 1);

    @Test
    void aGpWhoAskedForItIsToldWhereAndWhenByTheOutboxOnceItsRequestIsPlaced() {
        String requestId = crisis.submit();
        // notification hears of the request a moment after it is made: 404 until then
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                stack.as(E2eStack.REFERRER).put().uri("/api/v1/requests/{id}/follow-up", requestId)
                        .bodyValue(Map.of("email", EMAIL, "phone", "06 9876 5432", "events", List.of("PLACED")))
                        .retrieve().toBodilessEntity().block());

        crisis.accept(crisis.awaitOffer(requestId));
        // where the referrer's own screen says the patient goes (De Hoogte, Kloosterstraat 12, 9401 KC Assen)
        Map<?, ?> match = (Map<?, ?>) crisis.awaitStatus(requestId, "MATCHED").get("match");

        String placed = "Adempauze: aanvraag " + requestId + " geplaatst: " + match.get("locationName") + ", "
                + match.get("street") + ", " + match.get("postcode") + " " + match.get("city") + ", opname ";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sent("SMS", PHONE)).singleElement().satisfies(sms -> assertThat(sms.text()).startsWith(placed));
            assertThat(sent("E-mail", EMAIL)).singleElement()
                    .satisfies(mail -> assertThat(mail.text()).startsWith(placed));
        });
        assertThat(stack.outbox.items()).filteredOn(item -> item.text().contains(requestId))
                .allSatisfy(item -> assertThat(item.subject() + " " + item.text())
                        .doesNotContain(CrisisScenario.PATIENT, "Hofstede", "1936", CrisisScenario.HANDOVER_REASON));
    }

    private static List<DevOutbox.Item> sent(String channel, String to) {
        return stack.outbox.items().stream()
                .filter(item -> item.channel().equals(channel) && item.to().equals(to)).toList();
    }
}
