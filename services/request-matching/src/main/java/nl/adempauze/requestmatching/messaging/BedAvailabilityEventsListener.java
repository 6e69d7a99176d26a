package nl.adempauze.requestmatching.messaging;

import java.util.EnumSet;
import java.util.List;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.BedHoldRefused;
import nl.adempauze.contracts.events.CapacityAdjusted;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.NightCapacityAdjusted;
import nl.adempauze.contracts.events.NightCapacityPublished;
import nl.adempauze.contracts.events.NightFigure;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.PatientDischarged;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.platform.inbox.IncomingEvent;
import nl.adempauze.platform.messaging.EventConsumer;
import nl.adempauze.requestmatching.domain.OfferCycle;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.WaitingList;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import nl.adempauze.requestmatching.persistence.ReplicaRepository;
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

    private final EventConsumer consumer;
    private final ReplicaRepository replica;
    private final ReferenceDataRepository reference;
    private final OfferCycle offerCycle;
    private final WaitingList waitingList;

    public BedAvailabilityEventsListener(EventConsumer consumer, ReplicaRepository replica,
                                         ReferenceDataRepository reference, OfferCycle offerCycle,
                                         WaitingList waitingList) {
        this.waitingList = waitingList;
        this.consumer = consumer;
        this.replica = replica;
        this.reference = reference;
        this.offerCycle = offerCycle;
    }

    @KafkaListener(id = REPLICA_CONSUMER, groupId = REPLICA_CONSUMER, topics = {
            "#{T(nl.adempauze.contracts.EventCatalogue).LOCATIONS.name()}",
            "#{T(nl.adempauze.contracts.EventCatalogue).CAPACITY.name()}"})
    public void onLocationOrCapacity(ConsumerRecord<String, byte[]> record) {
        consumer.consume(REPLICA_CONSUMER, record, this::applyToReplica);
    }

    @KafkaListener(id = HOLDS_CONSUMER, groupId = HOLDS_CONSUMER,
            topics = "#{T(nl.adempauze.contracts.EventCatalogue).HOLDS.name()}")
    public void onHold(ConsumerRecord<String, byte[]> record) {
        consumer.consume(HOLDS_CONSUMER, record, this::applyHoldOutcome);
    }

    private Mono<Void> applyToReplica(IncomingEvent event) {
        Object payload = event.payload();
        if (payload instanceof RegionConfigured region) {
            return reference.save(region);
        }
        if (payload instanceof LocationRegistered location) {
            return replica.saveLocation(location);
        }
        if (payload instanceof LocationStatusChanged status) {
            return replica.setOpen(status.locationId(), status.open(), status.reason());
        }
        if (payload instanceof CapacityPublished published) {
            return replica.saveCapacity(published.locationId(), published.careType(), published.region(),
                    published.availableBeds(), published.version(), published.publishedAt());
        }
        if (payload instanceof CapacityAdjusted adjusted) {
            return replica.saveCapacity(adjusted.locationId(), adjusted.careType(), adjusted.region(),
                    adjusted.availableBeds(), adjusted.version(), adjusted.publishedAt());
        }
        if (payload instanceof NightCapacityPublished published) {
            return nightsChanged(published.locationId(), published.careType(), published.region(), published.nights());
        }
        if (payload instanceof NightCapacityAdjusted adjusted) {
            return nightsChanged(adjusted.locationId(), adjusted.careType(), adjusted.region(), adjusted.nights());
        }
        return Mono.empty();
    }

    /**
     * Takes over the nights and, when a bed is available on any of them, offers it to the waiting list at once, in
     * the same transaction: new capacity, a cancellation or an early discharge reaches the next in line directly.
     */
    private Mono<Void> nightsChanged(String locationId, String careType, String region, List<NightFigure> nights) {
        Mono<Void> saved = replica.saveNights(locationId, careType, region, nights);
        boolean bedAvailable = nights.stream().anyMatch(night -> night.availableBeds() > 0);
        return bedAvailable ? saved.then(waitingList.rematch(region, careType)).then() : saved;
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
            return offerCycle.patientMoved(admitted.requestId(), EnumSet.of(RequestStatus.MATCHED, RequestStatus.BOOKED),
                    RequestStatus.ADMITTED);
        }
        if (payload instanceof PatientDischarged discharged) {
            return offerCycle.patientMoved(discharged.requestId(), EnumSet.of(RequestStatus.ADMITTED),
                    RequestStatus.DISCHARGED);
        }
        return Mono.empty(); // releases need no action from matching
    }
}
