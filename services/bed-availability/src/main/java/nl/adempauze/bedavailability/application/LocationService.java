package nl.adempauze.bedavailability.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.adempauze.bedavailability.domain.ClosureReason;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.bedavailability.persistence.CapacityRepository;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.platform.outbox.Outbox;
import nl.adempauze.platform.domain.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Registers locations with their contracts and care types, and opens or closes them for admissions. */
@Service
public class LocationService {

    private final LocationRepository locations;
    private final RegionRepository regions;
    private final CapacityRepository capacity;
    private final NightCapacityService nightCapacity;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public LocationService(LocationRepository locations, RegionRepository regions, CapacityRepository capacity,
                           NightCapacityService nightCapacity, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.locations = locations;
        this.regions = regions;
        this.capacity = capacity;
        this.nightCapacity = nightCapacity;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Saves a location, its contracts and its beds, and announces all of it. Beds of a care type booked per night
     * are published as free for tonight and the following nights, {@code calendarNights} nights in all; the others
     * as free now.
     */
    public Mono<Void> register(Location location, List<FunderContract> contracts, Map<String, Integer> freeBeds,
                               int calendarNights) {
        Instant now = clock.instant();
        LocalDate tonight = Nights.nightOf(now);
        Mono<Void> work = locations.save(location)
                .then(locations.replaceContracts(location.id(), contracts))
                .then(outbox.append(registered(location, contracts, List.copyOf(freeBeds.keySet()), now)))
                .then(regions.find(location.region()))
                .flatMapMany(region -> Flux.fromIterable(new TreeMap<>(freeBeds).entrySet())
                        .concatMap(entry -> region.careType(entry.getKey())
                                .filter(Region.CareType::plannedBooking)
                                .map(type -> nightCapacity.publishSeries(location, type, entry.getValue(), tonight,
                                        calendarNights))
                                .orElseGet(() -> capacity.publish(location.id(), entry.getKey(), entry.getValue(), now)
                                        .flatMap(figure -> outbox.append(figure.published(location.region()))))))
                .then();
        return tx.transactional(work);
    }

    /**
     * Replaces a location's details and contracts (its name, provider, address, municipality, coordinates,
     * features) and announces it again as {@link LocationRegistered}, which consumers take over whole.
     */
    public Mono<Void> change(Location location, List<FunderContract> contracts) {
        Instant now = clock.instant();
        return tx.transactional(locations.save(location)
                .then(locations.replaceContracts(location.id(), contracts))
                .then(locations.careTypes(location.id()))
                .flatMap(careTypes -> outbox.append(registered(location, contracts, careTypes, now))));
    }

    /** Opens or closes a location; closing needs a reason code (400 on {@code reason} without one). */
    public Mono<Location> changeStatus(String locationId, boolean open, ClosureReason reason) {
        if (!open && reason == null) {
            return Mono.error(DomainException.invalidField("reason", "A reason is required when closing a location"));
        }
        Instant now = clock.instant();
        String closedReason = open ? null : reason.name();
        Mono<Location> work = locations.find(locationId)
                .switchIfEmpty(Mono.error(DomainException.notFound("Location", locationId)))
                .flatMap(location -> locations.setStatus(locationId, open, closedReason, now)
                        .then(outbox.append(new LocationStatusChanged(locationId, location.region(), open,
                                closedReason, now)))
                        .then(locations.find(locationId)));
        return tx.transactional(work);
    }

    public Mono<Region> region(String regionId) {
        return regions.find(regionId).switchIfEmpty(Mono.error(DomainException.notFound("Region", regionId)));
    }

    private static LocationRegistered registered(Location location, List<FunderContract> contracts,
                                                 List<String> careTypes, Instant now) {
        return new LocationRegistered(location.id(), location.region(), location.providerId(),
                location.providerName(), location.name(), location.address(), location.municipality(),
                location.latitude(), location.longitude(), location.features(),
                careTypes.stream().sorted().toList(), contracts, location.open(), location.closedReason(), now);
    }
}
