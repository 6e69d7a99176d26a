package nl.adempauze.localstack;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;

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

    /**
     * A request of the GP post in Assen needing these features, once bed-availability has relayed its events and
     * matching has read every location and capacity event (so a location added or changed just before is known to
     * it); its id. A request racing the events is
     * offered too, by the crisis queue's next sweep, but not within seconds.
     */
    String submit(List<String> needs) {
        DatabaseClient bedAvailability = stack.services.bedAvailability.getBean(DatabaseClient.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> bedAvailability.sql("SELECT count(*) FROM outbox_event")
                .map(row -> row.get(0, Long.class)).one().block() == 0L);
        stack.awaitMatchingCaughtUp();
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

    /**
     * Closes a location the test added, as the region's administrator, once its beds are no longer held (the
     * requests' cancellations release them), so the tests after it are not offered there.
     */
    void closeAddedLocation(String location) {
        close();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> stack.as(E2eStack.ADMIN).put()
                .uri("/api/v1/admin/locations/{id}/status", location)
                .bodyValue(Map.of("open", false, "reason", "OTHER")).retrieve().toBodilessEntity()
                .block().getStatusCode().is2xxSuccessful());
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
