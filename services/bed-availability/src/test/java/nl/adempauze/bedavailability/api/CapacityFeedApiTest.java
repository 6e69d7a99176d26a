package nl.adempauze.bedavailability.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.seed.RegionSeed;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A provider's own system publishes all its figures in one call (JSON, or a CSV file as the provider screen uploads
 * it): all or nothing, every refused line named. Friesland's test seed has one provider with ten locations of five
 * free-now care types each: fifty figures.
 */
class CapacityFeedApiTest extends BedAvailabilityIntegrationTest {

    private static final String FRIESLAND_SEED = "classpath:seeds/friesland.json";
    private static final RegionSeed FRIESLAND = RegionSeed.read(FRIESLAND_SEED);
    private static final String PROVIDER = "zorggroep-friese-meren";
    /**
     * Published in Drenthe after a refused feed: once its event is on the topic, anything the refused feed had
     * announced would be too (one relay, in commit order).
     */
    private static final String MARKER_LOCATION = "loc-vries-vrieserhof";

    @BeforeEach
    void frieslandIsSeeded() {
        startWithSeedFiles(FRIESLAND_SEED);
    }

    @Test
    void aProvidersSystemPublishesFiftyFiguresInOneCall() {
        List<Map<String, Object>> figures = everyFigure(index -> 3 + index % 4);
        assertThat(figures).hasSize(50);

        try (TopicRecorder capacity = recorder(EventCatalogue.CAPACITY)) {
            CapacityFeedView published = feed(Map.of("figures", figures)).expectStatus().isOk()
                    .expectBody(CapacityFeedView.class).returnResult().getResponseBody();

            assertThat(published.published()).isEqualTo(50);
            Map<String, Integer> shown = freeBedsInFriesland();
            for (Map<String, Object> figure : figures) {
                assertThat(shown.get(figure.get("locationId") + "/" + figure.get("careType")))
                        .as("%s %s", figure.get("locationId"), figure.get("careType"))
                        .isEqualTo(figure.get("freeBeds"));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> capacity.payloads(CapacityPublished.class,
                    event -> event.region().equals("friesland")
                            && event.freeBeds() == shown.get(event.locationId() + "/" + event.careType()))
                    .stream().map(event -> event.locationId() + "/" + event.careType()).distinct().count() == 50);
        }
    }

    @Test
    void oneBadLineRefusesTheWholeFeedNamingEveryBadLineAndPublishesNothing() {
        Map<String, Integer> before = freeBedsInFriesland();
        List<Map<String, Object>> figures = everyFigure(index -> 7);
        figures.get(7).put("freeBeds", -1);
        figures.get(12).put("careType", "SPA_WEEKEND");
        // another provider's location (Drenthe's De Hoogte) and a figure given twice
        figures.get(20).put("locationId", "loc-assen-de-hoogte");
        figures.set(30, new HashMap<>(figures.get(29)));
        figures.get(41).remove("freeBeds");

        try (TopicRecorder capacity = recorder(EventCatalogue.CAPACITY)) {
            feed(Map.of("figures", figures)).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail").isEqualTo("5 of 50 lines refused; nothing was published")
                    .jsonPath("$.errors.length()").isEqualTo(5)
                    .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                            .containsExactlyInAnyOrder("figures[7].freeBeds", "figures[12].careType",
                                    "figures[20].locationId", "figures[30]", "figures[41].freeBeds"))
                    .jsonPath("$.errors[?(@.field == 'figures[20].locationId')].message")
                    .isEqualTo("figures[20]: location loc-assen-de-hoogte is not one of your locations");

            assertThat(freeBedsInFriesland()).as("nothing published").isEqualTo(before);
            // the lines before the first refusal were written, then rolled back: not announced either
            CapacityView.CareTypeCapacity marker = publish(MARKER_LOCATION, "ELV_HOOG", 2);
            awaitOne(capacity, CapacityPublished.class, event -> event.locationId().equals(MARKER_LOCATION)
                    && event.version() == marker.version());
            assertThat(capacity.payloads(CapacityPublished.class, event -> event.region().equals("friesland")))
                    .as("CapacityPublished for a refused feed").isEmpty();
        }
    }

    @Test
    void aCsvFileFromASpreadsheetIsPublishedAndItsBadLinesAreNamedByLineNumber() {
        String location = FRIESLAND.locations().get(0).id();
        String other = FRIESLAND.locations().get(1).id();
        String csv = "locationId;careType;freeBeds\n" + location + ";ELV_HOOG;4\n" + other + ";GRZ;1\n";
        asProvider().post().uri("/api/v1/capacity").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.published").isEqualTo(2)
                .jsonPath("$.figures[0].locationId").isEqualTo(location)
                .jsonPath("$.figures[0].capacity.freeBeds").isEqualTo(4);
        assertThat(freeBedsInFriesland()).containsEntry(location + "/ELV_HOOG", 4).containsEntry(other + "/GRZ", 1);

        String bad = "careType,locationId,freeBeds\nELV_HOOG," + location + ",9\nGRZ," + other + ",twee\n";
        asProvider().post().uri("/api/v1/capacity").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(bad).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[3].freeBeds")
                .jsonPath("$.errors[0].message").isEqualTo("lines[3]: freeBeds must be a whole number, not 'twee'");
        assertThat(freeBedsInFriesland()).as("line 2 not published either").containsEntry(location + "/ELV_HOOG", 4);

        asProvider().post().uri("/api/v1/capacity").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("location,beds\n" + location + ",3\n").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[1]");
    }

    @Test
    void onlyAProviderPublishesAFeedAndTheRoleIsCheckedBeforeTheBodyIsRead() {
        for (String token : List.of(COORDINATOR, READER, TestTokens.admin())) {
            as(token).post().uri("/api/v1/capacity").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"figures\": \"not even a list\"}").exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        as(TestTokens.provider(PROVIDER)).post().uri("/api/v1/capacity").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"figures\": []}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("figures");
    }

    /** A feed of fifty figures is one transaction of some hundred statements: more than a single figure's 5 s. */
    private WebTestClient asProvider() {
        return as(TestTokens.provider(PROVIDER)).mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private WebTestClient.ResponseSpec feed(Object body) {
        return asProvider().post().uri("/api/v1/capacity").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    /** Every free-now figure of the Friesland provider, in seed order, with {@code freeBeds(index)} free. */
    private static List<Map<String, Object>> everyFigure(java.util.function.IntUnaryOperator freeBeds) {
        List<Map<String, Object>> figures = new ArrayList<>();
        for (RegionSeed.Location location : FRIESLAND.locations()) {
            for (String careType : location.capacity().keySet().stream().sorted().toList()) {
                Map<String, Object> figure = new HashMap<>();
                figure.put("locationId", location.id());
                figure.put("careType", careType);
                figure.put("freeBeds", freeBeds.applyAsInt(figures.size()));
                figures.add(figure);
            }
        }
        return figures;
    }

    /** Friesland's free beds as the region's view shows them, by location/care type. */
    private Map<String, Integer> freeBedsInFriesland() {
        CapacityView view = as(COORDINATOR).get().uri("/api/v1/regions/friesland/capacity").exchange()
                .expectStatus().isOk().expectBody(CapacityView.class).returnResult().getResponseBody();
        return view.locations().stream().flatMap(location -> location.careTypes().stream()
                        .map(figure -> Map.entry(location.locationId() + "/" + figure.careType(), figure.freeBeds())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
