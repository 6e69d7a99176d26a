package nl.adempauze.bedavailability.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import nl.adempauze.bedavailability.application.BedQueries;
import nl.adempauze.bedavailability.application.LocationService;
import nl.adempauze.bedavailability.domain.ClosureReason;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.domain.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1")
public class LocationController {

    private final LocationService service;
    private final BedQueries queries;
    private final Access access;

    public LocationController(LocationService service, BedQueries queries, Access access) {
        this.service = service;
        this.queries = queries;
        this.access = access;
    }

    public record LocationDetails(Location location, List<FunderContract> contracts) {
    }

    /** Open, or closed with a reason code (400 on {@code reason} for words or an unknown code). */
    public record StatusChange(@NotNull(message = "open is required") Boolean open, ClosureReason reason) {
    }

    @GetMapping("/regions/{region}")
    public Mono<Region> region(Caller caller, @PathVariable String region) {
        return access.toRead(caller, "Region", region).then(service.region(region));
    }

    @GetMapping("/regions/{region}/locations")
    public Mono<List<Location>> locations(Caller caller, @PathVariable String region) {
        return access.toRead(caller, "Region", region).then(service.region(region))
                .flatMap(found -> queries.locationsIn(found.id()).collectList());
    }

    @GetMapping("/locations/{locationId}")
    public Mono<LocationDetails> location(Caller caller, @PathVariable String locationId) {
        return access.toRead(caller, "Location", locationId).then(queries.location(locationId))
                .switchIfEmpty(Mono.error(DomainException.notFound("Location", locationId)))
                .zipWhen(location -> queries.contracts(locationId), LocationDetails::new);
    }

    /**
     * Open or close a location for new admissions; closing needs a reason code (e.g. OUTBREAK). Its own provider
     * only; the body is read once the caller is known to be allowed.
     */
    @PutMapping("/locations/{locationId}/status")
    public Mono<Location> status(Caller caller, @PathVariable String locationId,
                                 @Valid @RequestBody Mono<StatusChange> body) {
        return access.toChange(caller, locationId).then(body)
                .flatMap(change -> service.changeStatus(locationId, change.open(), change.reason()));
    }
}
