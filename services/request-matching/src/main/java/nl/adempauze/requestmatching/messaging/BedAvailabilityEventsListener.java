package nl.adempauze.requestmatching.messaging;

import java.util.List;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.BedHoldRefused;
import nl.adempauze.contracts.events.CapacityAdjusted;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.NightCapacityAdjusted;
import nl.adempauze.contracts.events.NightCapacityPublished;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.PatientDischarged;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.platform.inbox.IncomingEvent;
import nl.adempauze.platform.messaging.EventConsumer;
import nl.adempauze.platform.messaging.HandledEvents;
import nl.adempauze.requestmatching.application.OfferCycle;
import nl.adempauze.requestmatching.application.ReplicaUpdates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps matching's view of the region's configuration, locations and capacity current, and moves the offer cycle on
 * hold outcomes.
 */
@Component
public class BedAvailabilityEventsListener {

    // One consumer group per listener, so a rebalance of one never pauses the other.
    static final String REPLICA_CONSUMER = "request-matching-replica";
    static final String HOLDS_CONSUMER = "request-matching-holds";
    /** What {@link #applyToReplica} acts on: every event on the locations and capacity topics. */
    private static final HandledEvents REPLICA_EVENTS = HandledEvents.of(RegionConfigured.class,
            LocationRegistered.class, LocationStatusChanged.class, CapacityPublished.class, CapacityAdjusted.class,
            NightCapacityPublished.class, NightCapacityAdjusted.class);
    /** What {@link #applyHoldOutcome} acts on; releases need no action from matching and are passed by unread. */
    private static final HandledEvents HOLD_OUTCOMES = HandledEvents.of(BedHeld.class, BedHoldRefused.class,
            PatientAdmitted.class, PatientDischarged.class);

    private final EventConsumer consumer;
    private final ReplicaUpdates replica;
    private final OfferCycle offerCycle;

    public BedAvailabilityEventsListener(EventConsumer consumer, ReplicaUpdates replica, OfferCycle offerCycle) {
        this.consumer = consumer;
        this.replica = replica;
        this.offerCycle = offerCycle;
    }

    @KafkaListener(id = REPLICA_CONSUMER, groupId = REPLICA_CONSUMER, topics = {
            "#{T(nl.adempauze.contracts.EventCatalogue).LOCATIONS.name()}",
            "#{T(nl.adempauze.contracts.EventCatalogue).CAPACITY.name()}"}, batch = "true")
    public void onLocationOrCapacity(List<ConsumerRecord<String, byte[]>> records) {
        consumer.consumeAll(REPLICA_CONSUMER, records, REPLICA_EVENTS, this::applyToReplica);
    }

    @KafkaListener(id = HOLDS_CONSUMER, groupId = HOLDS_CONSUMER,
            topics = "#{T(nl.adempauze.contracts.EventCatalogue).HOLDS.name()}", batch = "true")
    public void onHold(List<ConsumerRecord<String, byte[]>> records) {
        consumer.consumeAll(HOLDS_CONSUMER, records, HOLD_OUTCOMES, this::applyHoldOutcome);
    }

    private Mono<Void> applyToReplica(IncomingEvent event) {
        Object payload = event.payload();
        if (payload instanceof RegionConfigured region) {
            return replica.regionConfigured(region);
        }
        if (payload instanceof LocationRegistered location) {
            return replica.locationRegistered(location);
        }
        if (payload instanceof LocationStatusChanged status) {
            return replica.locationStatusChanged(status);
        }
        if (payload instanceof CapacityPublished published) {
            return replica.capacity(published.locationId(), published.careType(), published.region(),
                    published.availableBeds(), published.version(), published.publishedAt());
        }
        if (payload instanceof CapacityAdjusted adjusted) {
            return replica.capacity(adjusted.locationId(), adjusted.careType(), adjusted.region(),
                    adjusted.availableBeds(), adjusted.version(), adjusted.publishedAt());
        }
        if (payload instanceof NightCapacityPublished published) {
            return replica.nightsChanged(published.locationId(), published.careType(), published.region(),
                    published.nights());
        }
        if (payload instanceof NightCapacityAdjusted adjusted) {
            return replica.nightsChanged(adjusted.locationId(), adjusted.careType(), adjusted.region(),
                    adjusted.nights());
        }
        return Mono.empty();
    }

    private Mono<Void> applyHoldOutcome(IncomingEvent event) {
        Object payload = event.payload();
        if (payload instanceof BedHeld held) {
            return offerCycle.bedHeld(held.offerId(), held.protectedNightsReleased(), held.protectedNightsOverridden());
        }
        if (payload instanceof BedHoldRefused refused) {
            return offerCycle.holdRefused(refused.offerId(), refused.reason());
        }
        if (payload instanceof PatientAdmitted admitted) {
            return offerCycle.patientAdmitted(admitted.requestId());
        }
        if (payload instanceof PatientDischarged discharged) {
            return offerCycle.patientDischarged(discharged.requestId());
        }
        return Mono.empty(); // not in HOLD_OUTCOMES
    }
}
