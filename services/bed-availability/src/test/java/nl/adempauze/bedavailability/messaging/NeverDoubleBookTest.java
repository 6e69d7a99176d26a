package nl.adempauze.bedavailability.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.adempauze.bedavailability.api.CapacityView;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.BedHoldRefused;
import nl.adempauze.contracts.events.CapacityAdjusted;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;

/** The product's key promise: under any concurrency and any redelivery, holds never exceed free beds. */
class NeverDoubleBookTest extends BedAvailabilityIntegrationTest {

    private static final int FREE_BEDS = 5;
    private static final int OFFERS = 40;

    @Test
    void fortyConcurrentOffersWithRedeliveriesGetExactlyTheFiveFreeBeds() throws Exception {
        String location = "loc-hoogeveen-ellertsveld";
        String careType = "GRZ";
        publish(location, careType, FREE_BEDS);
        List<String> offers = IntStream.range(0, OFFERS).mapToObj(i -> newOfferId()).toList();
        Set<String> ours = Set.copyOf(offers);

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS.name(), EventCatalogue.CAPACITY.name(),
                EventCatalogue.OFFERS.deadLetter())) {
            ExecutorService senders = Executors.newFixedThreadPool(8);
            try {
                CompletableFuture<?>[] sent = IntStream.range(0, OFFERS).mapToObj(i -> CompletableFuture.runAsync(() -> {
                    HoldRequested request = holdRequested(offers.get(i), location, careType);
                    String eventId = producer().send(request);
                    producer().send(request, eventId);       // the broker redelivers the very same event
                    if (i % 8 == 0) {
                        producer().send(request);            // matching asks again for the same offer
                    }
                }, senders)).toArray(CompletableFuture[]::new);
                CompletableFuture.allOf(sent).get(60, TimeUnit.SECONDS);
            } finally {
                senders.shutdown();
            }

            await("an outcome for every offer").atMost(Duration.ofSeconds(60)).until(
                    () -> Stream.concat(
                            events.payloads(BedHeld.class, e -> ours.contains(e.offerId())).stream().map(BedHeld::offerId),
                            events.payloads(BedHoldRefused.class, e -> ours.contains(e.offerId())).stream()
                                    .map(BedHoldRefused::offerId)).collect(Collectors.toSet()),
                    outcomes -> outcomes.size() == OFFERS);
            awaitOffersConsumed(); // every redelivery and repeat has been handled too

            List<String> held = events.payloads(BedHeld.class, e -> ours.contains(e.offerId())).stream()
                    .map(BedHeld::offerId).toList();
            List<BedHoldRefused> refused = events.payloads(BedHoldRefused.class, e -> ours.contains(e.offerId()));
            assertThat(held).as("one BedHeld per held offer, never repeated").hasSize(FREE_BEDS).doesNotHaveDuplicates();
            assertThat(refused).extracting(BedHoldRefused::offerId).hasSize(OFFERS - FREE_BEDS).doesNotHaveDuplicates()
                    .doesNotContainAnyElementsOf(held);
            assertThat(refused).extracting(BedHoldRefused::reason).containsOnly("NO_FREE_BED");

            List<CapacityAdjusted> holds = events.payloads(CapacityAdjusted.class,
                    e -> e.locationId().equals(location) && e.careType().equals(careType));
            assertThat(holds).extracting(CapacityAdjusted::heldBeds).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
            assertThat(holds).allSatisfy(adjusted -> assertThat(adjusted.heldBeds()).isLessThanOrEqualTo(FREE_BEDS));

            CapacityView.CareTypeCapacity capacity = capacityOf(location, careType);
            assertThat(capacity.freeBeds()).isEqualTo(FREE_BEDS);
            assertThat(capacity.heldBeds()).isEqualTo(FREE_BEDS);
            assertThat(capacity.availableBeds()).isZero();
            assertThat(holdStatusesIn(offers)).isEqualTo(Map.of("HELD", (long) FREE_BEDS, "REFUSED",
                    (long) (OFFERS - FREE_BEDS)));

            assertThat(events.on(EventCatalogue.OFFERS.deadLetter())).as("nothing dead-lettered").isEmpty();
            assertAllConformToTheirSchema(events);
        }
    }

    private Map<String, Long> holdStatusesIn(List<String> offers) {
        return db.sql("SELECT status, count(*) AS n FROM hold WHERE offer_id = ANY(:offers) GROUP BY status")
                .bind("offers", offers.toArray(String[]::new))
                .map((row, meta) -> Map.entry(row.get("status", String.class), row.get("n", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .block(Duration.ofSeconds(10));
    }
}
