package nl.adempauze.requestmatching.application;

import java.time.Instant;
import java.util.List;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.NightFigure;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import nl.adempauze.requestmatching.persistence.ReplicaRepository;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps matching's copy of bed-availability's configuration, locations and capacity current; a free bed (or night)
 * goes to the crisis queue, and nights to the waiting list, at once. Runs in the consumer's transaction.
 */
@Service
public class ReplicaUpdates {

    private final ReplicaRepository replica;
    private final ReferenceDataRepository reference;
    private final WaitingList waitingList;
    private final CrisisQueue crisisQueue;

    ReplicaUpdates(ReplicaRepository replica, ReferenceDataRepository reference, WaitingList waitingList,
                   CrisisQueue crisisQueue) {
        this.replica = replica;
        this.reference = reference;
        this.waitingList = waitingList;
        this.crisisQueue = crisisQueue;
    }

    public Mono<Void> regionConfigured(RegionConfigured region) {
        return reference.save(region);
    }

    /** A location added or changed (its features, contracts, address): taken over whole, replacing what was held. */
    public Mono<Void> locationRegistered(LocationRegistered location) {
        return replica.saveLocation(location);
    }

    /** A location opened or closed; a reopened one is offered to the region's crisis queues at once. */
    public Mono<Void> locationStatusChanged(LocationStatusChanged status) {
        Mono<Void> saved = replica.setOpen(status.locationId(), status.open(), status.reason());
        return status.open() ? saved.then(crisisQueue.rematchRegion(status.region())) : saved;
    }

    /**
     * Free beds now at a location (a figure never moves back in version); a free bed is offered to the crisis
     * queue of its region and care type at once, in the same transaction: a published bed, a released hold or a
     * discharge reaches the first in line directly. A hold that took a bed cannot place anyone: no look at the queue.
     */
    public Mono<Void> capacity(String locationId, String careType, String region, int availableBeds, long version,
                               Instant publishedAt) {
        return replica.saveCapacity(locationId, careType, region, availableBeds, version, publishedAt)
                .filter(mayPlaceMore -> mayPlaceMore)
                .flatMap(mayPlaceMore -> crisisQueue.rematch(region, careType))
                .then();
    }

    /**
     * Takes over the nights and, when a bed is available on any of them, offers it to the crisis queue (the more
     * urgent) and the waiting list at once, in the same transaction: new capacity, a cancellation or an early
     * discharge reaches the next in line directly.
     */
    public Mono<Void> nightsChanged(String locationId, String careType, String region, List<NightFigure> nights) {
        Mono<Void> saved = replica.saveNights(locationId, careType, region, nights);
        boolean bedAvailable = nights.stream().anyMatch(night -> night.availableBeds() > 0);
        return bedAvailable ? saved.then(crisisQueue.rematch(region, careType))
                .then(waitingList.rematch(region, careType)).then() : saved;
    }
}
