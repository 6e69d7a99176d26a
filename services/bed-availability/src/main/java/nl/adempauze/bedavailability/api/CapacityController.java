package nl.adempauze.bedavailability.api;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import nl.adempauze.bedavailability.application.BedQueries;
import nl.adempauze.bedavailability.application.CapacityService;
import nl.adempauze.bedavailability.application.LocationService;
import nl.adempauze.bedavailability.domain.CapacityFeedLine;
import nl.adempauze.bedavailability.domain.CapacityFigure;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1")
public class CapacityController {

    /** More lines than a provider runs figures: a bigger feed is a mistake, not a feed. */
    static final int MAX_FEED_LINES = 1000;

    private final CapacityService capacityService;
    private final LocationService locationService;
    private final BedQueries queries;
    private final Access access;
    private final Clock clock;

    public CapacityController(CapacityService capacityService, LocationService locationService,
                              BedQueries queries, Access access, Clock clock) {
        this.capacityService = capacityService;
        this.locationService = locationService;
        this.queries = queries;
        this.access = access;
        this.clock = clock;
    }

    /**
     * A provider publishes its free beds for one care type at one of its own locations; the body is read once the
     * caller is known to be allowed.
     */
    @PutMapping("/locations/{locationId}/capacity/{careType}")
    public Mono<CapacityView.CareTypeCapacity> publish(Caller caller, @PathVariable String locationId,
                                                       @PathVariable String careType,
                                                       @Valid @RequestBody Mono<PublishCapacity> body) {
        return access.toChange(caller, locationId).then(body)
                .flatMap(publication -> capacityService.publish(locationId, careType, publication.freeBeds()))
                .flatMap(figure -> queries.location(locationId)
                        .flatMap(location -> locationService.region(location.region()))
                        .map(region -> toView(figure, region, clock.instant())));
    }

    /**
     * A provider's system publishes many figures in one call: every location and care type it runs, from JSON or
     * from a CSV file (the provider screen's upload). All or nothing: one refused line refuses the call, and every
     * refused line is named.
     */
    @PostMapping(value = "/capacity", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<CapacityFeedView> publishJsonFeed(Caller caller, @RequestBody Mono<PublishCapacityFeed> body) {
        return publishLines(caller, body.map(feed -> {
            if (feed.figures() == null || feed.figures().isEmpty()) {
                throw DomainException.invalidField("figures", "figures is required: at least one figure");
            }
            return feed.lines();
        }));
    }

    @PostMapping(value = "/capacity", consumes = CapacityCsv.MEDIA_TYPE)
    public Mono<CapacityFeedView> publishCsvFeed(Caller caller, @RequestBody Mono<String> body) {
        return publishLines(caller, body.defaultIfEmpty("").map(CapacityCsv::parse).doOnNext(lines -> {
            if (lines.isEmpty()) {
                throw DomainException.invalidField("lines", "The file has a header but no lines");
            }
        }));
    }

    /** The role first (403 before the body is read), then the lines, all in one transaction. */
    private Mono<CapacityFeedView> publishLines(Caller caller, Mono<List<CapacityFeedLine>> lines) {
        return access.toPublishFeed(caller).flatMap(mayPublish -> lines
                        .doOnNext(CapacityController::checkFeedSize)
                        .flatMap(feed -> capacityService.publishAll(feed, mayPublish)))
                .map(published -> {
                    Instant now = clock.instant();
                    return new CapacityFeedView(published.size(), published.stream()
                            .map(one -> new CapacityFeedView.Published(one.figure().locationId(),
                                    toView(one.figure(), one.region(), now)))
                            .toList());
                });
    }

    private static void checkFeedSize(List<CapacityFeedLine> lines) {
        if (lines.size() > MAX_FEED_LINES) {
            throw DomainException.invalidField("figures", "A feed has at most " + MAX_FEED_LINES + " lines, not "
                    + lines.size());
        }
    }

    /** The current view of a region, optionally for one care type. */
    @GetMapping("/regions/{region}/capacity")
    public Mono<CapacityView> view(Caller caller, @PathVariable("region") String regionId,
                                   @RequestParam(required = false) String careType) {
        Instant now = clock.instant();
        return access.toRead(caller, "Region", regionId).then(locationService.region(regionId))
                .flatMap(region -> queries.capacityIn(regionId)
                        .filter(figure -> careType == null || figure.careType().equals(careType))
                        .collect(Collectors.groupingBy(CapacityFigure::locationId))
                        .flatMap(byLocation -> queries.locationsIn(regionId)
                                .filter(location -> careType == null || byLocation.containsKey(location.id()))
                                .map(location -> new CapacityView.LocationCapacity(location.id(), location.name(),
                                        location.providerId(), location.providerName(), location.municipality(),
                                        location.open(), location.closedReason(),
                                        byLocation.getOrDefault(location.id(), List.of()).stream()
                                                .map(figure -> toView(figure, region, now)).toList()))
                                .collectList())
                        .map(list -> new CapacityView(regionId, region.freshnessWindow().toMinutes(), now, list)));
    }

    static CapacityView.CareTypeCapacity toView(CapacityFigure figure, Region region, Instant now) {
        return new CapacityView.CareTypeCapacity(figure.careType(), figure.freeBeds(), figure.heldBeds(),
                figure.availableBeds(), figure.version(), figure.publishedAt(), figure.adjustedAt(),
                figure.isStale(now, region.freshnessWindow()));
    }

}
