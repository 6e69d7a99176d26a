package nl.adempauze.bedavailability.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.adempauze.bedavailability.domain.HoldStatus;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.HoldReleased;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.OfferExpired;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;

/**
 * A rolling upgrade: request-matching, already on a newer version, adds fields this version does not know to every
 * offer event. Bed-availability still applies each of them it acts on, and dead-letters none.
 */
class NewerProducerTest extends BedAvailabilityIntegrationTest {

    private static final String LOCATION = "loc-beilen-de-brinkhof";
    private static final String CARE_TYPE = "WLZ_CRISIS";
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Test
    void everyOfferEventWithFieldsAddedByANewerRequestMatchingIsApplied() {
        publish(LOCATION, CARE_TYPE, 4);
        String accepted = newOfferId();
        String declined = newOfferId();
        String expired = newOfferId();
        String withdrawn = newOfferId();
        List<String> sent = new ArrayList<>();

        try (TopicRecorder events = recorder(EventCatalogue.HOLDS.name(), EventCatalogue.OFFERS.deadLetter())) {
            sent.add(producer().sendFromANewerProducer(holdRequested(accepted, LOCATION, CARE_TYPE)));
            for (String offer : List.of(declined, expired, withdrawn)) {
                producer().send(holdRequested(offer, LOCATION, CARE_TYPE));
            }
            awaitOne(events, BedHeld.class, held -> held.offerId().equals(accepted));
            for (String offer : List.of(declined, expired, withdrawn)) {
                awaitOne(events, BedHeld.class, held -> held.offerId().equals(offer));
            }

            Instant now = Instant.now();
            // OfferMade changes nothing here: passed by unread, without a processed-event row
            String offerMade = producer().sendFromANewerProducer(new OfferMade(accepted, requestIdOf(accepted), REGION,
                    LOCATION, providerOf(LOCATION), CARE_TYPE, "CRISIS", List.of("DEMENTIA"), 1, "Nearest",
                    now.plusSeconds(1800), now, REGION, true));
            sent.add(producer().sendFromANewerProducer(new OfferAccepted(accepted, requestIdOf(accepted), REGION,
                    LOCATION, providerOf(LOCATION), CARE_TYPE, now.plusSeconds(3600), now, REGION)));
            sent.add(producer().sendFromANewerProducer(new OfferDeclined(declined, requestIdOf(declined), REGION,
                    LOCATION, providerOf(LOCATION), CARE_TYPE, "NO_LONGER_NEEDED", now)));
            sent.add(producer().sendFromANewerProducer(new OfferExpired(expired, requestIdOf(expired), REGION,
                    LOCATION, providerOf(LOCATION), CARE_TYPE, now)));
            sent.add(producer().sendFromANewerProducer(new OfferWithdrawn(withdrawn, requestIdOf(withdrawn), REGION,
                    LOCATION, providerOf(LOCATION), CARE_TYPE, "REQUEST_CANCELLED", now)));

            await("accepted hold").atMost(WITHIN).until(() -> hold(accepted).status() == HoldStatus.ACCEPTED);
            assertThat(awaitOne(events, HoldReleased.class, released -> released.offerId().equals(declined)).reason())
                    .isEqualTo("OFFER_DECLINED");
            assertThat(awaitOne(events, HoldReleased.class, released -> released.offerId().equals(expired)).reason())
                    .isEqualTo("OFFER_EXPIRED");
            assertThat(awaitOne(events, HoldReleased.class, released -> released.offerId().equals(withdrawn)).reason())
                    .isEqualTo("OFFER_WITHDRAWN");
            awaitOffersConsumed();

            assertThat(processed(sent)).as("processed-event rows of the newer producer's events").hasSize(sent.size());
            assertThat(processed(List.of(offerMade))).as("processed-event row of the OfferMade passed by").isEmpty();
            assertThat(events.on(EventCatalogue.OFFERS.deadLetter()))
                    .as("dead letters among the newer producer's events")
                    .noneMatch(seen -> sent.contains(seen.id()) || offerMade.equals(seen.id()));
        }
    }

    private List<String> processed(List<String> eventIds) {
        return db.sql("SELECT event_type FROM processed_event WHERE consumer = :consumer AND event_id = ANY(:ids)")
                .bind("consumer", OfferEventsListener.CONSUMER)
                .bind("ids", eventIds.toArray(String[]::new))
                .map(row -> row.get("event_type", String.class))
                .all().collectList().block(Duration.ofSeconds(10));
    }
}
