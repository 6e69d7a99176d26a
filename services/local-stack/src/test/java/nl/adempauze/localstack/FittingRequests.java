package nl.adempauze.localstack;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Crisis requests for ELV hoogcomplex in Drenthe with the needs a test picks, so only a location with those
 * features fits; each is cancelled by the region's coordinator at {@link #close}.
 */
final class FittingRequests implements AutoCloseable {

    private final E2eStack stack;
    private final List<String> submitted = new ArrayList<>();

    FittingRequests(E2eStack stack) {
        this.stack = stack;
    }

    /** A request of the GP post in Assen needing these features; its id. */
    String submit(List<String> needs) {
        Map<?, ?> created = stack.as(E2eStack.REFERRER).post().uri("/api/v1/requests").bodyValue(Map.of(
                        "region", "drenthe", "careType", "ELV_HOOG", "urgency", "CRISIS",
                        "residence", Map.of("postcode", "9401"), "needs", needs,
                        "contact", Map.of("name", "Huisartsenpost Assen", "phone", "0592 123456"),
                        "patient", Map.of("name", "A. Bakker", "dateOfBirth", "1938-02-11")))
                .retrieve().bodyToMono(Map.class).block();
        String id = (String) created.get("id");
        submitted.add(id);
        return id;
    }

    /** The request's open offer, once it is offered at this location (within seconds). */
    Map<?, ?> awaitOfferAt(String requestId, String location) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> (Map<?, ?>) stack.as(E2eStack.COORDINATOR).get()
                        .uri("/api/v1/requests/{id}", requestId).retrieve().bodyToMono(Map.class).block()
                        .get("currentOffer"),
                offer -> offer != null && "OPEN".equals(offer.get("status")) && location.equals(offer.get("locationId")));
    }

    @Override
    public void close() {
        for (String request : submitted) {
            stack.as(E2eStack.COORDINATOR).post().uri("/api/v1/requests/{id}/cancel", request)
                    .bodyValue(Map.of("reason", "End of the test")).retrieve().toBodilessEntity()
                    .onErrorComplete().block();
        }
        submitted.clear();
    }
}
