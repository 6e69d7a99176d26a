package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * Help across the border on the stack a newcomer runs (both demo regions seeded): with every palliative bed in
 * Drenthe taken, a GP's request for a patient from Emmen is offered a location in the neighbour region Groningen,
 * labelled as outside the region; Groningen's coordinator sees it on the board, on the live stream and (read only)
 * in the request, and Groningen's provider accepts it as usual.
 */
class AcrossTheBorderEndToEndTest {

    private static final String CARE_TYPE = "ELV_PALLIATIEF";
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private static E2eStack stack;
    private static WebClient gp;
    private static WebClient groningen;
    private static final List<ServerSentEvent<String>> groningenLive = new CopyOnWriteArrayList<>();
    private static Disposable liveSubscription;
    private static String matchedOffer;
    private static String matchedLocation;

    @BeforeAll
    static void start() {
        stack = E2eStack.get();
        gp = stack.as(E2eStack.REFERRER);
        groningen = stack.as(E2eStack.OTHER_REGION_COORDINATOR);
        liveSubscription = groningen.get().uri("/api/v1/live?region=groningen").accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(SSE).subscribe(groningenLive::add);
    }

    @AfterAll
    static void stop() {
        liveSubscription.dispose();
        // Drenthe has palliative beds again for the tests after this one (the stack is shared)
        stack.makeAvailable("drenthe", CARE_TYPE, 1);
        if (matchedOffer != null) {
            // the patient comes and goes again, so the bed is free for the tests after this one
            WebClient provider = stack.asProviderOf(matchedLocation);
            for (String step : List.of("admission", "discharge")) {
                provider.post().uri("/api/v1/holds/{offer}/" + step, matchedOffer).retrieve().toBodilessEntity()
                        .block();
            }
        }
    }

    @Test
    void withDrentheFullAGroningenLocationIsOfferedLabelledSeenByGroningenAndAccepted() {
        assertThat(stack.makeAvailable("drenthe", CARE_TYPE, 0)).as("Drenthe's palliative locations").isNotEmpty();
        List<String> acrossTheBorder = stack.makeAvailable("groningen", CARE_TYPE, 1);
        assertThat(acrossTheBorder).contains("loc-stadskanaal-het-kanaalhuis");
        stack.awaitMatchingCaughtUp();

        Map<?, ?> created = gp.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("region", "drenthe", "careType", CARE_TYPE, "urgency", "CRISIS",
                        "residence", Map.of("municipality", "Emmen"), "funder", "zilveren-kruis",
                        "contact", Map.of("name", "Huisartsenpost Emmen", "phone", "0591 123456"),
                        "patient", Map.of("name", "Roelof Grenszorg", "dateOfBirth", "1941-03-09")))
                .retrieve().bodyToMono(Map.class).block();
        String requestId = (String) created.get("id");

        // the GP sees the offer, labelled as outside the region, with the reason in the ranking
        Map<?, ?> offered = await().atMost(Duration.ofSeconds(30)).until(() -> request(gp, requestId),
                r -> "OFFERED".equals(r.get("status")));
        assertThat(offered.get("region")).isEqualTo("drenthe");
        Map<?, ?> offer = (Map<?, ?>) offered.get("currentOffer");
        assertThat(offer.get("outsideRegion")).isEqualTo(true);
        assertThat(offer.get("locationRegion")).isEqualTo("groningen");
        String location = (String) offer.get("locationId");
        assertThat(location).isEqualTo("loc-stadskanaal-het-kanaalhuis");
        Map<?, ?> first = (Map<?, ?>) ((List<?>) offered.get("ranking")).get(0);
        assertThat(first.get("outsideRegion")).isEqualTo(true);
        assertThat((List<?>) first.get("reasons")).anySatisfy(reason -> assertThat(((Map<?, ?>) reason).get("code"))
                .isEqualTo("OUTSIDE_REGION"));

        // Groningen's coordinator: on the board, on the live stream, and the request itself without the patient
        List<?> board = groningen.get().uri("/api/v1/regions/groningen/requests").retrieve().bodyToMono(List.class)
                .block();
        assertThat(board).anySatisfy(entry -> assertThat(((Map<?, ?>) entry).get("id")).isEqualTo(requestId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(groningenLive)
                .filteredOn(event -> event.data() != null && event.data().contains(requestId))
                .extracting(ServerSentEvent::event).contains("OfferMade"));
        Map<?, ?> seenByGroningen = request(groningen, requestId);
        assertThat(seenByGroningen.get("patient")).isNull();
        assertThat(seenByGroningen.get("contact")).isNull();
        assertThat(((Map<?, ?>) seenByGroningen.get("currentOffer")).get("locationId")).isEqualTo(location);
        assertThat(request(gp, requestId).get("patient")).as("the GP still sees who it is").isNotNull();

        // Groningen's provider sees the offer labelled in its inbox and accepts as usual
        WebClient provider = stack.asProviderOf(location);
        List<?> inbox = provider.get().uri("/api/v1/locations/{id}/offers", location).retrieve()
                .bodyToMono(List.class).block();
        assertThat(inbox).anySatisfy(entry -> {
            Map<?, ?> inboxOffer = (Map<?, ?>) entry;
            assertThat(inboxOffer.get("requestId")).isEqualTo(requestId);
            assertThat(inboxOffer.get("outsideRegion")).isEqualTo(true);
            assertThat(inboxOffer.get("requestRegion")).isEqualTo("drenthe");
        });
        provider.post().uri("/api/v1/offers/{id}/accept", offer.get("id")).retrieve().toBodilessEntity().block();
        matchedOffer = (String) offer.get("id");
        matchedLocation = location;

        Map<?, ?> matched = await().atMost(Duration.ofSeconds(30)).until(() -> request(gp, requestId),
                r -> "MATCHED".equals(r.get("status")));
        assertThat(((Map<?, ?>) matched.get("match")).get("city")).isEqualTo("Stadskanaal");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(groningenLive)
                .filteredOn(event -> event.data() != null && event.data().contains(requestId))
                .extracting(ServerSentEvent::event).contains("OfferAccepted"));
    }

    private static Map<?, ?> request(WebClient client, String id) {
        return client.get().uri("/api/v1/requests/{id}", id).retrieve().bodyToMono(Map.class).block();
    }
}
