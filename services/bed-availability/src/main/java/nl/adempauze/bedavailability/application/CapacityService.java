package nl.adempauze.bedavailability.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import nl.adempauze.bedavailability.domain.CapacityFeedLine;
import nl.adempauze.bedavailability.domain.CapacityFigure;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.bedavailability.persistence.CapacityRepository;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.platform.outbox.Outbox;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.domain.InvalidFields;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Providers publish free beds; every figure is versioned, time-stamped and announced in the same transaction. */
@Service
public class CapacityService {

    private final CapacityRepository capacity;
    private final LocationRepository locations;
    private final RegionRepository regions;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public CapacityService(CapacityRepository capacity, LocationRepository locations, RegionRepository regions,
                           Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.capacity = capacity;
        this.locations = locations;
        this.regions = regions;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Publishes every line of a provider's feed in one transaction, or none: each line is checked as a single
     * publication would be ({@code mayPublish} says whether the caller may publish at its location), every refused
     * line is named, and one refusal undoes the lines already written.
     */
    public Mono<List<Published>> publishAll(List<CapacityFeedLine> lines, Predicate<Location> mayPublish) {
        return tx.transactional(Mono.defer(() -> publishEach(lines, mayPublish)));
    }

    /** A figure as a feed published it, with the region it was checked against (for its freshness). */
    public record Published(CapacityFigure figure, Region region) {
    }

    private Mono<List<Published>> publishEach(List<CapacityFeedLine> lines, Predicate<Location> mayPublish) {
        // a feed's lines are mostly of one region: each region is read once per feed, not once per line
        Map<String, Mono<Region>> regionsRead = new HashMap<>();
        Function<String, Mono<Region>> regionOf = id -> regionsRead.computeIfAbsent(id, key -> regions.find(key).cache());
        List<InvalidFields.Refusal> refusals = new ArrayList<>();
        Set<String> figures = new HashSet<>();
        List<CapacityFeedLine> wellFormed = new ArrayList<>();
        for (CapacityFeedLine line : lines) {
            List<InvalidFields.Refusal> shape = line.shapeRefusals();
            if (!shape.isEmpty()) {
                refusals.addAll(shape);
            } else if (!figures.add(line.figureKey())) {
                refusals.add(line.refusal(null, "location " + line.locationId() + " and care type "
                        + line.careType() + " are on an earlier line too"));
            } else {
                wellFormed.add(line);
            }
        }
        return Flux.fromIterable(wellFormed)
                .concatMap(line -> publishLine(line, mayPublish, regionOf)
                        .onErrorResume(DomainException.class, refused -> {
                            refusals.add(line.refusal(refused.field(), refused.getMessage()));
                            return Mono.empty();
                        }))
                .collectList()
                .flatMap(published -> refusals.isEmpty() ? Mono.just(published) : Mono.error(() -> new InvalidFields(
                        "Capacity feed refused", refusals.size() + " of " + lines.size()
                        + " lines refused; nothing was published", refusals)));
    }

    private Mono<Published> publishLine(CapacityFeedLine line, Predicate<Location> mayPublish,
                                        Function<String, Mono<Region>> regionOf) {
        return locations.find(line.locationId())
                .switchIfEmpty(Mono.error(() -> DomainException.invalidField("locationId",
                        "location " + line.locationId() + " does not exist")))
                .flatMap(location -> {
                    if (!mayPublish.test(location)) {
                        return Mono.error(DomainException.invalidField("locationId",
                                "location " + line.locationId() + " is not one of your locations"));
                    }
                    return regionOf.apply(location.region()).flatMap(region -> publishAt(location, region,
                            line.careType(), line.beds()).map(figure -> new Published(figure, region)));
                });
    }

    public Mono<CapacityFigure> publish(String locationId, String careType, int freeBeds) {
        Mono<CapacityFigure> work = locations.find(locationId)
                .switchIfEmpty(Mono.error(DomainException.notFound("Location", locationId)))
                .flatMap(location -> regions.find(location.region())
                        .flatMap(region -> publishAt(location, region, careType, freeBeds)));
        return tx.transactional(work);
    }

    private Mono<CapacityFigure> publishAt(Location location, Region region, String careType, int freeBeds) {
        return Mono.fromRunnable(() -> region.freeNowCareType(careType, location.id()))
                .then(capacity.findForUpdate(location.id(), careType)
                        .doOnNext(current -> current.checkPublishable(freeBeds))
                        .then(capacity.publish(location.id(), careType, freeBeds, clock.instant())))
                .flatMap(figure -> outbox.append(figure.published(location.region())).thenReturn(figure));
    }
}
