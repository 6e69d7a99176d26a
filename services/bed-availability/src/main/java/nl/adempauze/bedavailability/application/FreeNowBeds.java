package nl.adempauze.bedavailability.application;

import java.time.Clock;
import java.time.Instant;
import nl.adempauze.bedavailability.domain.Hold;
import nl.adempauze.bedavailability.domain.HoldRefusal;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.bedavailability.persistence.CapacityRepository;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.contracts.events.CapacityAdjusted;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The free-now beds a hold takes and gives back, inside the hold's transaction. Taking is one conditional update
 * of the figure (see {@link CapacityRepository#holdOne}), so two offers can never take the last bed; every change
 * answers the figure's announcement for the caller to append with the hold's own events.
 */
@Component
public class FreeNowBeds {

    private final CapacityRepository capacity;
    private final LocationRepository locations;
    private final Clock clock;

    public FreeNowBeds(CapacityRepository capacity, LocationRepository locations, Clock clock) {
        this.capacity = capacity;
        this.locations = locations;
        this.clock = clock;
    }

    /** Takes one available bed at the (open) location; empty when none is left. */
    Mono<CapacityAdjusted> takeOne(Location location, String careType, Instant now) {
        return capacity.holdOne(location.id(), careType, now).map(figure -> figure.adjusted(location.region(), "HOLD"));
    }

    /** Why no bed could be taken: the location is closed, it has no bed left, or no figure for the care type. */
    Mono<HoldRefusal> whyNot(Location location, String careType) {
        if (!location.open()) {
            return Mono.just(HoldRefusal.LOCATION_CLOSED);
        }
        return capacity.find(location.id(), careType).map(figure -> HoldRefusal.NO_FREE_BED)
                .defaultIfEmpty(HoldRefusal.CARE_TYPE_NOT_OFFERED);
    }

    /** Applies a free-now hold's effect ({@code cause}) on the held and free counts. */
    Mono<CapacityAdjusted> adjust(Hold hold, int heldDelta, int freeDelta, String cause) {
        return capacity.adjust(hold.locationId(), hold.careType(), heldDelta, freeDelta, clock.instant())
                .zipWith(locations.find(hold.locationId()))
                .map(pair -> pair.getT1().adjusted(pair.getT2().region(), cause));
    }
}
