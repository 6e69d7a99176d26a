package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * 200 simultaneous crisis requests compete for 20 free beds, with every event delivered twice: exactly 20 beds are
 * held, none twice, and every other request is escalated to the coordinator. The hospital's transfer desk submits
 * them all (hence the E2E stack's raised rate limit), each location's provider publishes its own beds, and the
 * coordinator of drenthe watches the outcome.
 */
class NeverDoubleBookEndToEndTest {

    private static final String CARE_TYPE = "WLZ_CRISIS";
    private static final int BEDS = 20;
    private static final int REQUESTS = 200;

    @Test
    void twoHundredCrisisRequestsForTwentyBedsEndWithExactlyTwentyHolds() {
        E2eStack stack = E2eStack.get();
        WebClient referrer = stack.as(E2eStack.HOSPITAL_REFERRER);
        WebClient coordinator = stack.as(E2eStack.COORDINATOR);

        // Drenthe offers its neighbour Groningen's beds when it has none: that region is full too here
        stack.makeAvailable("groningen", CARE_TYPE, 0);
        List<String> locations = locationsOffering(coordinator, CARE_TYPE);
        assertThat(locations).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < locations.size(); i++) {
            int share = BEDS / locations.size() + (i < BEDS % locations.size() ? 1 : 0);
            stack.asProviderOf(locations.get(i)).put()
                    .uri("/api/v1/locations/{id}/capacity/{careType}", locations.get(i), CARE_TYPE)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("freeBeds", share))
                    .retrieve().toBodilessEntity().block();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> available(coordinator) == BEDS);
        // Matching ranks from its own copy of capacity: wait until it has read every capacity event.
        stack.awaitMatchingCaughtUp();

        try (TopicRecorder recorder = new TopicRecorder(stack.infrastructure.kafka().bootstrapServers(),
                List.of(EventCatalogue.HOLDS.name()))) {
            List<String> ids = Flux.range(0, REQUESTS)
                    .flatMap(i -> referrer.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("region", "drenthe", "careType", CARE_TYPE, "urgency", "CRISIS",
                                    "residence", Map.of("municipality", "Emmen"),
                                    "contact", Map.of("name", "Crisisdienst " + i, "phone", "0591 000000")))
                            .retrieve().bodyToMono(Map.class).map(body -> (String) body.get("id")), REQUESTS)
                    .collectList().block(Duration.ofSeconds(120));
            assertThat(ids).hasSize(REQUESTS).doesNotHaveDuplicates();

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> ids.stream()
                    .map(id -> status(referrer, id)).noneMatch("SUBMITTED"::equals));

            Map<String, Long> byStatus = ids.stream().map(id -> status(referrer, id))
                    .collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.stream.Collectors.counting()));
            assertThat(byStatus).as("statuses; one request: %s", referrer.get().uri("/api/v1/requests/{id}", ids.get(0))
                            .retrieve().bodyToMono(String.class).block())
                    .containsEntry("OFFERED", (long) BEDS).containsEntry("ESCALATED", (long) (REQUESTS - BEDS));
            assertThat(available(coordinator)).isZero();
            assertThat(held(coordinator)).isEqualTo(BEDS);

            Set<String> heldOffers = new HashSet<>();
            recorder.payloads(BedHeld.class, held -> CARE_TYPE.equals(held.careType()))
                    .forEach(held -> heldOffers.add(held.offerId()));
            assertThat(heldOffers).hasSize(BEDS);
        }
    }

    private static List<String> locationsOffering(WebClient api, String careType) {
        Map<?, ?> view = api.get().uri("/api/v1/regions/drenthe/capacity?careType={c}", careType).retrieve()
                .bodyToMono(Map.class).block();
        return ((List<?>) view.get("locations")).stream().map(l -> (String) ((Map<?, ?>) l).get("locationId")).toList();
    }

    private static int available(WebClient api) {
        return sum(api, "availableBeds");
    }

    private static int held(WebClient api) {
        return sum(api, "heldBeds");
    }

    private static int sum(WebClient api, String field) {
        Map<?, ?> view = api.get().uri("/api/v1/regions/drenthe/capacity?careType={c}", CARE_TYPE).retrieve()
                .bodyToMono(Map.class).block();
        return ((List<?>) view.get("locations")).stream()
                .flatMap(l -> ((List<?>) ((Map<?, ?>) l).get("careTypes")).stream())
                .mapToInt(c -> ((Number) ((Map<?, ?>) c).get(field)).intValue()).sum();
    }

    private static String status(WebClient api, String id) {
        return (String) api.get().uri("/api/v1/requests/{id}", id).retrieve().bodyToMono(Map.class).block().get("status");
    }

}
