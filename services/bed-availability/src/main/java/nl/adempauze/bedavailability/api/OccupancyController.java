package nl.adempauze.bedavailability.api;

import java.time.Clock;
import nl.adempauze.bedavailability.application.LocationService;
import nl.adempauze.bedavailability.application.OccupancyService;
import nl.adempauze.bedavailability.domain.OccupancyPeriod;
import nl.adempauze.bedavailability.domain.RegionOccupancy;
import nl.adempauze.contracts.Nights;
import nl.adempauze.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The coordinator's occupancy of a region's beds over a period, per care type and location. */
@RestController
@RequestMapping("/api/v1")
public class OccupancyController {

    private final OccupancyService occupancy;
    private final LocationService locationService;
    private final Access access;
    private final Clock clock;

    public OccupancyController(OccupancyService occupancy, LocationService locationService, Access access,
                               Clock clock) {
        this.occupancy = occupancy;
        this.locationService = locationService;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Occupancy over the nights {@code from} to {@code to} (inclusive; default the 30 nights up to today). The dates
     * are read as text once the caller is known to be allowed, so a refused role learns nothing from a bad date.
     */
    @GetMapping("/regions/{region}/occupancy")
    public Mono<RegionOccupancy> occupancy(Caller caller, @PathVariable("region") String regionId,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to) {
        return access.toReadOccupancy(caller, regionId)
                .then(Mono.fromCallable(() -> OccupancyPeriod.of(from, to,
                        clock.instant().atZone(Nights.ZONE).toLocalDate())))
                .flatMap(period -> locationService.region(regionId)
                        .flatMap(region -> occupancy.of(region, period)));
    }
}
