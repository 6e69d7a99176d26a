package nl.adempauze.bedavailability.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.adempauze.bedavailability.application.BedQueries;
import nl.adempauze.bedavailability.application.CapacityService;
import nl.adempauze.bedavailability.application.LocationService;
import nl.adempauze.bedavailability.domain.CapacityFeedLine;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A provider's system publishes many figures in one call: every location and care type it runs, from JSON or from a
 * CSV file (the provider screen's upload). All or nothing: one refused line refuses the call, and every refused line
 * is named.
 */
@RestController
@RequestMapping("/api/v1/capacity")
public class CapacityFeedController {

    /** More than a provider runs; a bigger file is a mistake, not a feed. */
    static final int MAX_LINES = 1000;

    private final CapacityService capacityService;
    private final LocationService locationService;
    private final BedQueries queries;
    private final Access access;
    private final Clock clock;

    public CapacityFeedController(CapacityService capacityService, LocationService locationService,
                                  BedQueries queries, Access access, Clock clock) {
        this.capacityService = capacityService;
        this.locationService = locationService;
        this.queries = queries;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<CapacityFeedView> publishJson(Caller caller, @RequestBody Mono<PublishCapacityFeed> body) {
        return publish(caller, body.map(feed -> {
            if (feed.figures() == null || feed.figures().isEmpty()) {
                throw DomainException.invalidField("figures", "figures is required: at least one figure");
            }
            return feed.lines();
        }));
    }

    @PostMapping(consumes = CapacityCsv.MEDIA_TYPE)
    public Mono<CapacityFeedView> publishCsv(Caller caller, @RequestBody Mono<String> body) {
        return publish(caller, body.defaultIfEmpty("").map(CapacityCsv::parse).doOnNext(lines -> {
            if (lines.isEmpty()) {
                throw DomainException.invalidField("lines", "The file has a header but no lines");
            }
        }));
    }

    /** The role first (403 before the body is read), then the lines, all in one transaction. */
    private Mono<CapacityFeedView> publish(Caller caller, Mono<List<CapacityFeedLine>> lines) {
        return access.toPublishFeed(caller).flatMap(mayPublish -> lines
                .doOnNext(CapacityFeedController::checkSize)
                .flatMap(feed -> capacityService.publishAll(feed, mayPublish)))
                .flatMap(figures -> {
                    Instant now = clock.instant();
                    return Flux.fromIterable(figures).concatMap(figure -> queries.location(figure.locationId())
                                    .flatMap(location -> locationService.region(location.region()))
                                    .map(region -> new CapacityFeedView.Published(figure.locationId(),
                                            CapacityController.toView(figure, region, now))))
                            .collectList()
                            .map(published -> new CapacityFeedView(published.size(), published));
                });
    }

    private static void checkSize(List<CapacityFeedLine> lines) {
        if (lines.size() > MAX_LINES) {
            throw DomainException.invalidField("figures", "A feed has at most " + MAX_LINES + " lines, not "
                    + lines.size());
        }
    }
}
