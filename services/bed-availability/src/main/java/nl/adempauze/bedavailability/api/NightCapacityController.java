package nl.adempauze.bedavailability.api;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import nl.adempauze.bedavailability.application.BedQueries;
import nl.adempauze.bedavailability.application.LocationService;
import nl.adempauze.bedavailability.application.NightCapacityService;
import nl.adempauze.bedavailability.domain.NightCapacity;
import nl.adempauze.bedavailability.domain.NightRanges;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.domain.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Calendar capacity: providers publish free beds per night; coordinators and referrers read free nights. */
@RestController
@RequestMapping("/api/v1")
public class NightCapacityController {

    /** The longest span one view covers, in days between {@code from} and {@code to}. */
    static final int MAX_VIEW_DAYS = 366;

    private final NightCapacityService service;
    private final LocationService locationService;
    private final BedQueries queries;
    private final Access access;
    private final Clock clock;

    public NightCapacityController(NightCapacityService service, LocationService locationService,
                                   BedQueries queries, Access access, Clock clock) {
        this.service = service;
        this.locationService = locationService;
        this.queries = queries;
        this.access = access;
        this.clock = clock;
    }

    /**
     * A provider publishes free beds per night for one calendar care type at one of its own locations, in one call;
     * the body is read once the caller is known to be allowed.
     */
    @PutMapping("/locations/{locationId}/capacity/{careType}/nights")
    public Mono<NightsView.Published> publish(Caller caller, @PathVariable String locationId,
                                              @PathVariable String careType,
                                              @Valid @RequestBody Mono<PublishNights> body) {
        return access.toChange(caller, locationId).then(body).flatMap(publication -> {
            List<NightRanges.Range> ranges = publication.nights().stream()
                    .map(range -> new NightRanges.Range(range.from(), range.to(), range.freeBeds())).toList();
            return service.publish(locationId, careType, ranges);
        }).map(published -> {
            Instant now = clock.instant();
            return new NightsView.Published(locationId, careType, published.nights().stream()
                    .map(row -> NightsView.Night.of(row, published.careType().protection(), now,
                            published.region().freshnessWindow()))
                    .toList());
        });
    }

    /** Free nights per location of a region for one calendar care type, between two nights (inclusive). */
    @GetMapping("/regions/{region}/capacity/nights")
    public Mono<NightsView> view(Caller caller, @PathVariable("region") String regionId,
                                 @RequestParam(required = false) String careType,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate to) {
        return access.toRead(caller, "Region", regionId).then(locationService.region(regionId)).flatMap(region -> {
            Region.CareType type = checkQuery(region, careType, from, to);
            Instant now = clock.instant();
            return queries.locationsKeepingNights(regionId, careType).collect(Collectors.toSet())
                    .zipWith(queries.nightsIn(regionId, careType, from, to)
                            .collect(Collectors.groupingBy(NightCapacity::locationId)))
                    .flatMap(found -> queries.locationsIn(regionId)
                            .filter(location -> found.getT1().contains(location.id()))
                            .map(location -> {
                                List<NightsView.Night> shown = found.getT2().getOrDefault(location.id(), List.of())
                                        .stream()
                                        .map(row -> NightsView.Night.of(row, type.protection(), now,
                                                region.freshnessWindow()))
                                        .toList();
                                return new NightsView.LocationNights(location.id(), location.name(),
                                        location.municipality(), location.open(),
                                        (int) shown.stream().filter(night -> night.availableBeds() > 0).count(),
                                        shown);
                            })
                            .collectList())
                    .map(list -> new NightsView(regionId, careType, from, to,
                            region.freshnessWindow().toMinutes(), now, list));
        });
    }

    private static Region.CareType checkQuery(Region region, String careType, LocalDate from, LocalDate to) {
        if (careType == null || careType.isBlank()) {
            throw DomainException.invalidField("careType", "careType is required: a care type booked per night");
        }
        if (from == null) {
            throw DomainException.invalidField("from", "from is required: the first night (yyyy-mm-dd)");
        }
        if (to == null) {
            throw DomainException.invalidField("to", "to is required: the last night (yyyy-mm-dd), inclusive");
        }
        if (to.isBefore(from)) {
            throw DomainException.invalidField("to", "to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_VIEW_DAYS) {
            throw DomainException.invalidField("to", "At most " + MAX_VIEW_DAYS + " days between from and to");
        }
        Region.CareType type = region.careType(careType).orElseThrow(() -> DomainException.invalidField("careType",
                "Care type '" + careType + "' is not in the catalogue of region " + region.id()));
        if (!type.plannedBooking()) {
            throw DomainException.invalidField("careType", "Care type '" + careType + "' is not booked per night; see "
                    + "GET /api/v1/regions/" + region.id() + "/capacity?careType=" + careType);
        }
        return type;
    }
}
