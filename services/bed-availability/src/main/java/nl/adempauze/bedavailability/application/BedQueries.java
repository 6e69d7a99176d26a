package nl.adempauze.bedavailability.application;

import java.time.LocalDate;
import java.util.List;
import nl.adempauze.bedavailability.domain.CapacityFigure;
import nl.adempauze.bedavailability.domain.Hold;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.bedavailability.domain.NightCapacity;
import nl.adempauze.bedavailability.domain.RegionSummary;
import nl.adempauze.bedavailability.persistence.CapacityRepository;
import nl.adempauze.bedavailability.persistence.HoldRepository;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.NightCapacityRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.contracts.events.FunderContract;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the views read: regions, locations, capacity (free now and per night) and holds, as they stand. */
@Service
public class BedQueries {

    private final RegionRepository regions;
    private final LocationRepository locations;
    private final CapacityRepository capacity;
    private final NightCapacityRepository nights;
    private final HoldRepository holds;

    public BedQueries(RegionRepository regions, LocationRepository locations, CapacityRepository capacity,
                      NightCapacityRepository nights, HoldRepository holds) {
        this.regions = regions;
        this.locations = locations;
        this.capacity = capacity;
        this.nights = nights;
        this.holds = holds;
    }

    /** Every region on this installation, by name. */
    public Flux<RegionSummary> regions() {
        return regions.summaries();
    }

    public Mono<Location> location(String locationId) {
        return locations.find(locationId);
    }

    /** The region's locations, by name. */
    public Flux<Location> locationsIn(String regionId) {
        return locations.inRegion(regionId);
    }

    public Mono<List<FunderContract>> contracts(String locationId) {
        return locations.contracts(locationId);
    }

    /** The region's free-now figures, by location name and care type. */
    public Flux<CapacityFigure> capacityIn(String regionId) {
        return capacity.inRegion(regionId);
    }

    /** The locations of the region that keep this care type on their calendar. */
    public Flux<String> locationsKeepingNights(String regionId, String careType) {
        return nights.locationsWithCareType(regionId, careType);
    }

    /** The region's published nights of a care type between two nights (inclusive), by location name and night. */
    public Flux<NightCapacity> nightsIn(String regionId, String careType, LocalDate from, LocalDate to) {
        return nights.inRegion(regionId, careType, from, to);
    }

    public Mono<Hold> hold(String offerId) {
        return holds.find(offerId);
    }
}
