package nl.adempauze.requestmatching.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.BedHoldRefused;
import nl.adempauze.contracts.events.CapacityAdjusted;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.HoldReleased;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.NightCapacityAdjusted;
import nl.adempauze.contracts.events.NightCapacityPublished;
import nl.adempauze.contracts.events.NightFigure;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.PatientDischarged;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.SeedEvents;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A rolling upgrade: bed-availability, already on a newer version, adds fields this version does not know to every
 * event it sends, at the top level and inside every nested object (a region's care types and triage table, an
 * address, night figures). Matching's replica and its offer cycle still apply each of them they act on, and
 * dead-letter none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = {"spring.config.name=request-matching"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class NewerProducerIntegrationTest {

    private static final List<String> DEAD_LETTERS = List.of(EventCatalogue.LOCATIONS.deadLetter(),
            EventCatalogue.CAPACITY.deadLetter(), EventCatalogue.HOLDS.deadLetter());
    private static final Duration TIMEOUT = MatchingApi.TIMEOUT;
    private static final String REGION = "drenthe";
    private static final String CARE_TYPE = "ELV_HOOG";
    /** A crisis request from Assen that this test's location (or any other ELV_HOOG candidate) may take. */
    private static final String REQUEST_BODY = "{\"region\":\"drenthe\",\"careType\":\"ELV_HOOG\",\"urgency\":\"CRISIS\","
            + "\"residence\":{\"postcode\":\"9401\"},\"needs\":[\"DEMENTIA\"],\"funder\":\"zilveren-kruis\","
            + "\"contact\":{\"name\":\"Huisartsenpost Assen\",\"phone\":\"0592 123456\"}}";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @Test
    void everyEventOfBedAvailabilityWithFieldsAddedByANewerVersionIsApplied() {
        // a shared machine may be slow to answer the first request of a fresh context
        WebTestClient web = this.web.mutate().responseTimeout(TIMEOUT).build();
        MatchingApi api = new MatchingApi(web, db);
        String location = "loc-newer-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate night = Nights.nightOf(Instant.now()).plusDays(10);
        List<String> replicaEvents = new ArrayList<>();
        List<String> holdEvents = new ArrayList<>();

        try (TopicRecorder recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), DEAD_LETTERS.get(0), DEAD_LETTERS.get(1), DEAD_LETTERS.get(2)))) {
            replicaEvents.add(newer(SeedEvents.regionConfigured("classpath:seeds/drenthe.json")));
            replicaEvents.add(newer(new LocationRegistered(location, REGION, "provider-" + location, "Zorggroep Nieuw",
                    "Huize Nieuw", new Address("Nieuwe Weg 1", "9401 AA", "Assen"), "Assen", 52.9930, 6.5600,
                    List.of("DEMENTIA"), List.of(CARE_TYPE), List.of(new FunderContract("zilveren-kruis",
                    List.of(CARE_TYPE))), true, null, Instant.now())));
            replicaEvents.add(newer(new CapacityPublished(location, REGION, CARE_TYPE, 2, 0, 2, 1, Instant.now())));
            replicaEvents.add(newer(new NightCapacityPublished(location, REGION, CARE_TYPE,
                    List.of(new NightFigure(night, 2, 0, 2, 0, Instant.now())), Instant.now())));
            replicaEvents.add(newer(new NightCapacityAdjusted(location, REGION, CARE_TYPE,
                    List.of(new NightFigure(night, 2, 1, 1, 0, Instant.now())), "HOLD", Instant.now())));
            // locations and capacity travel on two topics: either may arrive first
            await("replica of " + location).atMost(TIMEOUT).until(() -> count(
                    "SELECT count(*) FROM capacity_replica WHERE location_id = :id AND available_beds = 2", location) == 1
                    && count("SELECT count(*) FROM location_replica WHERE id = :id AND street = 'Nieuwe Weg 1'",
                    location) == 1);

            // the offer cycle on hold outcomes: held, admitted, discharged; and a refusal and a release
            String admitted = api.submit(REQUEST_BODY);
            HoldRequested hold = MatchingApi.awaitFirst(recorder, HoldRequested.class, r -> r.requestId().equals(admitted));
            holdEvents.add(newer(new BedHeld(hold.offerId(), admitted, hold.locationId(), CARE_TYPE, null, null, 0, 0,
                    Instant.now())));
            api.awaitStatus(admitted, "OFFERED");
            web.post().uri("/api/v1/offers/{id}/accept", hold.offerId()).headers(api.asProviderOf(hold.locationId()))
                    .exchange().expectStatus().isOk();
            holdEvents.add(newer(new PatientAdmitted(hold.offerId(), admitted, hold.locationId(), CARE_TYPE,
                    Instant.now())));
            api.awaitStatus(admitted, "ADMITTED");
            holdEvents.add(newer(new PatientDischarged(hold.offerId(), admitted, hold.locationId(), CARE_TYPE,
                    Instant.now())));
            api.awaitStatus(admitted, "DISCHARGED");

            String refused = api.submit(REQUEST_BODY);
            HoldRequested refusedHold = MatchingApi.awaitFirst(recorder, HoldRequested.class,
                    r -> r.requestId().equals(refused));
            holdEvents.add(newer(new BedHoldRefused(refusedHold.offerId(), refused, refusedHold.locationId(), CARE_TYPE,
                    "NO_FREE_BED", Instant.now())));
            // a release needs no action from matching: passed by unread, without a processed-event row
            String released = newer(new HoldReleased(refusedHold.offerId(), refused, refusedHold.locationId(),
                    CARE_TYPE, "OFFER_WITHDRAWN", Instant.now()));
            await("refused offer").atMost(TIMEOUT).until(() -> count(
                    "SELECT count(*) FROM offer WHERE id = :id AND status = 'HOLD_REFUSED'", refusedHold.offerId()) == 1);

            // take the location out of the candidates again, as a newer bed-availability would
            replicaEvents.add(newer(new CapacityAdjusted(location, REGION, CARE_TYPE, 0, 0, 0, 2, "ADMISSION",
                    Instant.now(), Instant.now())));
            replicaEvents.add(newer(new LocationStatusChanged(location, REGION, false, "OTHER", Instant.now())));
            await("location closed and empty").atMost(TIMEOUT).until(() -> count(
                    "SELECT count(*) FROM capacity_replica WHERE location_id = :id AND available_beds = 0", location) == 1
                    && count("SELECT count(*) FROM location_replica WHERE id = :id AND NOT open", location) == 1);
            web.post().uri("/api/v1/requests/{id}/cancel", refused).headers(MatchingApi.asReferrer()).exchange();

            await("processed by the replica").atMost(TIMEOUT).until(() -> processed(
                    BedAvailabilityEventsListener.REPLICA_CONSUMER, replicaEvents) == replicaEvents.size());
            await("processed by the offer cycle").atMost(TIMEOUT).until(() -> processed(
                    BedAvailabilityEventsListener.HOLDS_CONSUMER, holdEvents) == holdEvents.size());
            assertThat(processed(BedAvailabilityEventsListener.HOLDS_CONSUMER, List.of(released)))
                    .as("processed-event row of the release passed by").isZero();
            assertThat(recorder.all()).filteredOn(seen -> DEAD_LETTERS.contains(seen.topic()))
                    .as("dead letters among the newer producer's events")
                    .noneMatch(seen -> replicaEvents.contains(seen.id()) || holdEvents.contains(seen.id())
                            || released.equals(seen.id()));
        }
    }

    private static String newer(Object event) {
        return TestEventProducer.shared().sendFromANewerProducer(event);
    }

    private long count(String sql, String id) {
        return db.sql(sql).bind("id", id).map((row, meta) -> row.get(0, Long.class)).one().block(TIMEOUT);
    }

    private long processed(String consumer, List<String> eventIds) {
        return db.sql("SELECT count(*) FROM processed_event WHERE consumer = :consumer AND event_id = ANY(:ids)")
                .bind("consumer", consumer).bind("ids", eventIds.toArray(String[]::new))
                .map((row, meta) -> row.get(0, Long.class)).one().block(TIMEOUT);
    }
}
