package nl.adempauze.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.EventDefinition;
import nl.adempauze.contracts.Topic;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.CapacityAdjusted;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.CareTypeChanged;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.NightCapacityAdjusted;
import nl.adempauze.contracts.events.NightCapacityPublished;
import nl.adempauze.contracts.events.NightFigure;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.OfferExpired;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.contracts.events.ProtectionOverridden;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.contracts.events.RequestCancelled;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestMatched;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.contracts.events.RequestWaitlisted;
import nl.adempauze.contracts.events.StayBooked;
import nl.adempauze.contracts.events.StayReminderIssued;
import nl.adempauze.contracts.events.WaitingPriorityRaised;
import nl.adempauze.notification.domain.NotifiedEvents;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.WebhookReceiver;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.SeedEvents;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A rolling upgrade: bed-availability and request-matching, already on a newer version, add fields this version
 * does not know to every event, at the top level and inside every nested object. Notification's consumer still
 * handles every event type it reads (a webhook goes out, an escalation opens a page), and dead-letters none.
 */
class NewerProducerTest extends NotificationIntegrationTest {

    private static final String DRENTHE = TestTokens.coordinator("drenthe");

    private static final List<Topic> CONSUMED = List.of(EventCatalogue.OFFERS, EventCatalogue.REQUESTS,
            EventCatalogue.CAPACITY, EventCatalogue.LOCATIONS);

    private final WebhookReceiver receiver = WebhookReceiver.start();

    @Autowired
    private DatabaseClient db;

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void everyEventTypeWithFieldsAddedByANewerProducerIsHandled() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String region = "upgrade-" + suffix;
        String request = "req-newer-" + suffix;
        String offer = "off-newer-" + suffix;
        String location = "loc-newer-" + suffix;
        String provider = "prov-newer-" + suffix;
        String organisation = uniqueOrganisation("hap");
        String careType = "ELV_HOOG";
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate night = LocalDate.of(2026, 4, 10);
        List<NightFigure> nights = List.of(new NightFigure(night, 2, 1, 1, 0, now));
        RegionConfigured drenthe = SeedEvents.regionConfigured("classpath:seeds/drenthe.json");
        subscribe(TestTokens.referrer(organisation), receiver.url(), List.of("RequestSubmitted"), null);
        // an event nobody takes is passed by without a transaction: a subscriber to every type (elsewhere) makes each
        // notified event one the consumer applies and records
        UUID everyType = subscribe(DRENTHE, receiver.url(), NotifiedEvents.TYPES.stream().sorted().toList(),
                Map.of("region", "drenthe"));

        List<Object> events = List.of(
                new RegionConfigured(region, "Upgrade", drenthe.freshnessWindowMinutes(), drenthe.careTypes(),
                        drenthe.municipalities(), drenthe.funders(), drenthe.neighbours(), drenthe.triage(), now),
                new LocationRegistered(location, region, provider, "Zorggroep Nieuw", "Huize Nieuw",
                        new Address("Nieuwe Weg 1", "9401 AA", "Assen"), "Assen", 52.99, 6.56, List.of("DEMENTIA"),
                        List.of(careType), List.of(new FunderContract("zilveren-kruis", List.of(careType))), true, null,
                        now),
                new LocationStatusChanged(location, region, false, "OUTBREAK", now),
                new CapacityPublished(location, region, careType, 2, 0, 2, 1, now),
                new CapacityAdjusted(location, region, careType, 2, 1, 1, 2, "HOLD", now, now),
                new NightCapacityPublished(location, region, "WMO_LOGEER", nights, now),
                new NightCapacityAdjusted(location, region, "WMO_LOGEER", nights, "HOLD", now),
                new RequestSubmitted(request, region, careType, "CRISIS", List.of("DEMENTIA"), "Assen",
                        "zilveren-kruis", now.plusSeconds(7200), null, null, null, now, organisation),
                new HoldRequested(offer, request, region, location, careType, "CRISIS", null, null, false, now),
                new OfferMade(offer, request, region, location, provider, careType, "CRISIS", List.of("DEMENTIA"), 1,
                        "Nearest", now.plusSeconds(1800), now, region, true),
                new OfferDeclined(offer, request, region, location, provider, careType, "NO_STAFF", now),
                new OfferExpired(offer, request, region, location, provider, careType, now),
                new OfferWithdrawn(offer, request, region, location, provider, careType, "REQUEST_CANCELLED", now),
                new OfferAccepted(offer, request, region, location, provider, careType, now.plusSeconds(3600), now,
                        region),
                new RequestMatched(request, offer, region, location, provider, careType, now.plusSeconds(3600), now),
                new RequestEscalated(request, region, careType, "CRISIS", "NO_CANDIDATE", "No candidate left",
                        "NO_CANDIDATE", Map.of("careType", careType, "tried", 2), now),
                new RequestWaitlisted(request, region, "WMO_LOGEER", night, 3, "No location has a free bed", now),
                new StayBooked(request, offer, region, location, provider, "WMO_LOGEER", night, 3, now),
                new StayReminderIssued(request, offer, region, location, provider, "WMO_LOGEER", night, 3, now),
                new ProtectionOverridden(request, region, "WMO_LOGEER", "CARER_UNAVAILABLE", now),
                new WaitingPriorityRaised(request, region, "WMO_LOGEER", 1, "CARER_OVERBURDENED", now),
                new CareTypeChanged(request, region, "ELV_LAAG", careType, now),
                new RequestCancelled(request, region, "ADMITTED_TO_HOSPITAL", now));
        assertThat(events.stream().map(event -> EventCatalogue.of(event).type()).collect(Collectors.toSet()))
                .as("every event type on the topics notification reads")
                .containsExactlyInAnyOrderElementsOf(CONSUMED.stream().flatMap(topic -> EventCatalogue.onTopic(topic)
                        .stream()).map(EventDefinition::type).toList());

        List<String> sent = new ArrayList<>();
        try (TopicRecorder deadLetters = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                CONSUMED.stream().map(Topic::deadLetter).toList())) {
            for (Object event : events) {
                sent.add(TestEventProducer.shared().sendFromANewerProducer(event));
            }

            // HoldRequested is notified to nobody: it is proven read (not dead-lettered) by the OfferMade after it on
            // its partition (same topic, same key), which is applied
            List<String> applied = sent.stream()
                    .filter(id -> !id.equals(sent.get(events.indexOf(events.stream()
                            .filter(HoldRequested.class::isInstance).findFirst().orElseThrow()))))
                    .toList();
            await().atMost(PATIENCE).until(() -> processed(sent).equals(Set.copyOf(applied)));
            String submitted = sent.get(events.indexOf(events.stream()
                    .filter(RequestSubmitted.class::isInstance).findFirst().orElseThrow()));
            await().atMost(PATIENCE).until(() -> receiver.forEvent(submitted).size() == 1);
            assertThat(receiver.forEvent(submitted).get(0).body()).contains(request)
                    .doesNotContain("addedByANewerProducer");
            assertThat(db.sql("SELECT count(*) FROM page WHERE request_id = :id").bind("id", request)
                    .map(row -> row.get(0, Long.class)).one().block(PATIENCE)).as("page for the escalation").isEqualTo(1);
            assertThat(deadLetters.all()).as("dead letters among the newer producers' events")
                    .noneMatch(seen -> sent.contains(seen.id()));
        } finally {
            unsubscribe(DRENTHE, everyType);
        }
    }

    private Set<String> processed(List<String> eventIds) {
        return db.sql("SELECT event_id FROM processed_event WHERE consumer = :consumer AND event_id = ANY(:ids)")
                .bind("consumer", WebhookListener.CONSUMER)
                .bind("ids", eventIds.toArray(String[]::new))
                .map(row -> row.get(0, String.class))
                .all().collect(Collectors.toSet()).block(PATIENCE);
    }
}
