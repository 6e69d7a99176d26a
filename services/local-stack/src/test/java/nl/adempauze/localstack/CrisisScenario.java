package nl.adempauze.localstack;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The steps of a crisis the browser tests set up through the API around what they do in the browser: beds at De
 * Hoogte, a GP's ELV high-complex request from Assen, its open offer, the provider's acceptance. The stack is
 * shared by every end-to-end test: {@link #close} ends what was started (discharging the placed, cancelling the
 * open), so no bed stays held for the tests that come after.
 */
final class CrisisScenario implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    static final String DE_HOOGTE = "loc-assen-de-hoogte";
    static final String CARE_TYPE = "ELV_HOOG";
    static final String PATIENT = "Geertje Hofstede";
    /** The reason for admission in the handover (aanmeldbericht) that comes with the request. */
    static final String HANDOVER_REASON = "Gevallen thuis, heupfractuur; kan niet meer zelf transfers maken";

    private final E2eStack stack;
    private final List<String> started = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int bedsBeforeAll;

    CrisisScenario(E2eStack stack) {
        this.stack = stack;
    }

    /**
     * The scenario of one test class, registered as its extension ({@code @RegisterExtension}): before its tests,
     * this many beds at De Hoogte that can be held; after them, what they started is ended.
     */
    static CrisisScenario perTestClass(E2eStack stack, int availableBeds) {
        CrisisScenario scenario = new CrisisScenario(stack);
        scenario.bedsBeforeAll = availableBeds;
        return scenario;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        withAvailableBeds(bedsBeforeAll);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Beds enough at De Hoogte that a request is offered at once, published by its own provider. */
    CrisisScenario withFreeBeds(int beds) {
        stack.awaitMatchingCaughtUp();
        stack.asProviderOf(DE_HOOGTE).put().uri("/api/v1/locations/{id}/capacity/{type}", DE_HOOGTE, CARE_TYPE)
                .bodyValue(Map.of("freeBeds", beds)).retrieve().toBodilessEntity().block();
        return this;
    }

    /**
     * Beds enough at De Hoogte that this many more can be held, whatever earlier tests left held there (a figure
     * below the held beds would be refused).
     */
    CrisisScenario withAvailableBeds(int beds) {
        Map<?, ?> view = stack.as(E2eStack.COORDINATOR).get()
                .uri("/api/v1/regions/drenthe/capacity?careType={careType}", CARE_TYPE).retrieve()
                .bodyToMono(Map.class).block();
        int held = ((List<?>) view.get("locations")).stream().map(Map.class::cast)
                .filter(location -> DE_HOOGTE.equals(location.get("locationId")))
                .flatMap(location -> ((List<?>) location.get("careTypes")).stream().map(Map.class::cast))
                .filter(figure -> CARE_TYPE.equals(figure.get("careType")))
                .mapToInt(figure -> ((Number) figure.get("heldBeds")).intValue()).sum();
        return withFreeBeds(held + beds);
    }

    /** A crisis request of the GP post in Assen; its id. */
    String submit() {
        Map<?, ?> created = stack.as(E2eStack.REFERRER).post().uri("/api/v1/requests").bodyValue(Map.of(
                "region", "drenthe", "careType", CARE_TYPE, "urgency", "CRISIS",
                "residence", Map.of("postcode", "9401"), "needs", List.of(),
                "contact", Map.of("name", "Huisartsenpost Assen", "phone", "0592 123456"),
                "patient", Map.of("name", PATIENT, "dateOfBirth", "1936-05-02"),
                "handover", Map.of("reasonForAdmission", HANDOVER_REASON,
                        "dailyCare", Map.of("transfers", "TWO_PERSONS"), "resuscitationPolicy", "DO_NOT_RESUSCITATE")))
                .retrieve().bodyToMono(Map.class).block();
        return track((String) created.get("id"));
    }

    /** A request made in the browser, to be ended with the others. */
    String track(String requestId) {
        started.add(requestId);
        return requestId;
    }

    /** The request's open offer, once there is one. */
    Map<?, ?> awaitOffer(String requestId) {
        return awaitOffer(requestId, null);
    }

    /** The request's open offer, once there is one to this location (any, when null). */
    Map<?, ?> awaitOffer(String requestId, String location) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> (Map<?, ?>) stack.as(E2eStack.COORDINATOR).get()
                        .uri("/api/v1/requests/{id}", requestId).retrieve().bodyToMono(Map.class).block()
                        .get("currentOffer"),
                offer -> offer != null && "OPEN".equals(offer.get("status"))
                        && (location == null || location.equals(offer.get("locationId"))));
    }

    /** The request as the coordinator sees it, once it has this status. */
    Map<?, ?> awaitStatus(String requestId, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> stack.as(E2eStack.COORDINATOR).get()
                .uri("/api/v1/requests/{id}", requestId).retrieve().bodyToMono(Map.class).block(),
                request -> status.equals(request.get("status")));
    }

    /** The matched patient arrives: the provider of the matched location confirms the admission. */
    void admit(String requestId) {
        Map<?, ?> match = (Map<?, ?>) awaitStatus(requestId, "MATCHED").get("match");
        stack.as(stack.providerOf((String) match.get("locationId"))).post()
                .uri("/api/v1/holds/{offer}/admission", match.get("offerId")).retrieve().toBodilessEntity().block();
    }

    @Override
    public void close() {
        for (String requestId : started) {
            Map<?, ?> request = stack.as(E2eStack.COORDINATOR).get().uri("/api/v1/requests/{id}", requestId).retrieve()
                    .bodyToMono(Map.class).block();
            String status = (String) request.get("status");
            if ("MATCHED".equals(status)) {
                Map<?, ?> match = (Map<?, ?>) request.get("match");
                var provider = stack.as(stack.providerOf((String) match.get("locationId")));
                for (String step : List.of("admission", "discharge")) {
                    provider.post().uri("/api/v1/holds/{offer}/" + step, match.get("offerId")).retrieve()
                            .toBodilessEntity().block();
                }
            } else if ("ADMITTED".equals(status)) {
                Map<?, ?> match = (Map<?, ?>) request.get("match");
                stack.as(stack.providerOf((String) match.get("locationId"))).post()
                        .uri("/api/v1/holds/{offer}/discharge", match.get("offerId")).retrieve().toBodilessEntity()
                        .block();
            } else if (List.of("SUBMITTED", "OFFERED", "WAITING", "ESCALATED", "AWAITING_TRIAGE").contains(status)) {
                stack.as(E2eStack.COORDINATOR).post().uri("/api/v1/requests/{id}/cancel", requestId)
                        .bodyValue(Map.of("reason", "End of the browser test")).retrieve().toBodilessEntity().block();
            }
        }
        started.clear();
    }

    /** The offer accepted by its own provider, through the API. */
    void accept(Map<?, ?> offer) {
        stack.as(stack.providerOf((String) offer.get("locationId"))).post()
                .uri("/api/v1/offers/{id}/accept", offer.get("id")).retrieve().toBodilessEntity().block();
    }
}
